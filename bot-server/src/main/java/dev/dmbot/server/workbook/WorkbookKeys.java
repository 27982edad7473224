package dev.dmbot.server.workbook;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of workbook versions: every activated set with its bytes, which one is
 * live, and which sets passed their Tests sheets under which build. None holds anything
 * about a customer.
 */
@Component
public final class WorkbookKeys implements FeatureKeys {

	/** The last version number given. */
	public static final String SEQUENCE = "bot:rules:sequence";

	/** The live version's number. */
	public static final String ACTIVE = "bot:rules:active";

	/**
	 * Pub/sub channel told the number of each version activated (a channel, not a key).
	 */
	public static final String ACTIVATED = "bot:rules:activated";

	/** Every version's number scored by when it was stored. */
	public static final String VERSIONS = "bot:rules:versions";

	/**
	 * Held by the instance that activates a set, so two activations do not interleave.
	 */
	public static final String LOCK = "bot:rules:lock";

	/**
	 * Version number by hash, so an activation finds a set seen before in one look-up.
	 */
	public static final String BY_HASH = "bot:rules:by-hash";

	/**
	 * Prefix of {@code bot:rules:tested:<sha-256>:<build>}: the set of that hash passed
	 * its Tests sheets under that build of the server, so a start-up need not run them
	 * again.
	 */
	public static final String TESTED = "bot:rules:tested:";

	/** One version: its workbooks' bytes, hash, author and time. */
	public static String version(int number) {
		return "bot:rules:version:" + number;
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(KeyFamily.server("workbook", "sequence", SEQUENCE).erased(Erasure.notPersonal()),
				KeyFamily.server("workbook", "active", ACTIVE).erased(Erasure.notPersonal()),
				KeyFamily.server("workbook", "versions", VERSIONS).erased(Erasure.notPersonal()),
				KeyFamily.server("workbook", "version", "bot:rules:version:<number>").erased(Erasure.notPersonal()),
				KeyFamily.server("workbook", "lock", LOCK)
					.erased(Erasure.notPersonal())
					.kept("while an activation runs"),
				KeyFamily.server("workbook", "by-hash", BY_HASH).erased(Erasure.notPersonal()),
				KeyFamily.server("workbook", "tested", TESTED + "<hash>:<build...>")
					.erased(Erasure.notPersonal())
					.kept("90 days (RuleSetStore.TESTED_SECONDS)"));
	}

}
