package dev.dmbot.server.platform.redis;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.RedisKeys;

/**
 * The keys under one person's hash tag, {@code bot:{account:sender}:…}, in every account:
 * found with one {@code SCAN} (on each node of a Cluster) and deleted. For data deletion,
 * never for a message's hot path.
 */
@Component
public class PersonKeyspace {

	private static final String TAG_START = "bot:{";

	private final UnifiedJedis redis;

	public PersonKeyspace(UnifiedJedis redis) {
		this.redis = redis;
	}

	/**
	 * The person's keys in every account, and the accounts they name.
	 * @param senderId the person's id, which must not hold glob characters
	 */
	public Found find(String senderId) {
		String tagEnd = ":" + senderId + "}:";
		Set<String> keys = new LinkedHashSet<>();
		Set<String> accounts = new TreeSet<>();
		for (String key : RedisFailures.translating("scan the keys of a person",
				() -> RedisKeys.scan(this.redis, TAG_START + "*" + tagEnd + "*"))) {
			int end = key.indexOf(tagEnd);
			// The person's tag, not a key whose later part happens to hold the id.
			if (key.startsWith(TAG_START) && end > 0 && key.indexOf('}') == end + tagEnd.length() - 2) {
				keys.add(key);
				if (end > TAG_START.length()) {
					accounts.add(key.substring(TAG_START.length(), end));
				}
			}
		}
		return new Found(keys, accounts);
	}

	/**
	 * Deletes the keys, one at a time (they may lie in different Cluster slots).
	 * @return how many existed
	 */
	public long delete(Collection<String> keys) {
		long removed = 0;
		for (String key : keys) {
			removed += RedisFailures.translating("delete " + key, () -> this.redis.unlink(key));
		}
		return removed;
	}

	/**
	 * What {@link #find} found.
	 *
	 * @param keys the person's keys
	 * @param accounts the accounts whose hash tag they carry
	 */
	public record Found(Set<String> keys, Set<String> accounts) {
	}

}
