package dev.dmbot.server.privacy;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.platform.redis.KeyFamily;
import dev.dmbot.server.platform.redis.KeyRegistry;

/**
 * {@code GET /api/admin/privacy/keys} (ADMIN): every kind of Redis key the server writes,
 * from the key registry, with whose data it holds, what a deletion request does to one
 * person's part and how long it is kept, so retention can be answered for in one place.
 * The same table is in {@code REDIS-KEYS.md}.
 */
@RestController
class StoredDataController {

	private final KeyRegistry registry;

	StoredDataController(KeyRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/admin/privacy/keys")
	List<StoredKeys> keys() {
		return this.registry.families().stream().map(StoredKeys::of).toList();
	}

	/**
	 * One key family as the API shows it.
	 *
	 * @param family {@code feature/name}
	 * @param key the key's template, its variable parts as {@code <name>}
	 * @param scope {@code person}, {@code account} or {@code server}
	 * @param personalData whether it may hold something about a person
	 * @param onDeletion what a deletion request does to one person's part
	 * @param kept how long it is kept
	 */
	record StoredKeys(String family, String key, String scope, boolean personalData, String onDeletion, String kept) {

		static StoredKeys of(KeyFamily family) {
			return new StoredKeys(family.id(), family.template(), family.scope().name().toLowerCase(Locale.ROOT),
					family.erasure().personal(), family.erasure().describe(), family.retention());
		}

	}

}
