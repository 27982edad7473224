package dev.dmbot.server.intake;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * Redis key names of the intake. Each partition's keys carry a hash tag so that a
 * partition's stream and lease share a Redis Cluster slot.
 */
@Component
public final class StreamKeys implements FeatureKeys {

	static final String GROUP = "workers";

	/** Events set aside as failed, with the error. */
	public static final String FAILED = "bot:events:failed";

	/** Live instances scored by their last lease round. */
	public static final String INSTANCES = "bot:instances";

	/**
	 * Pub/sub channel on which an instance says that it freed partitions or joined, so
	 * that the others rebalance at once rather than at their next round.
	 */
	static final String PARTITIONS_CHANGED = "bot:intake:partitions-changed";

	/** The stream of one partition. */
	public static String stream(int partition) {
		return "bot:events:{p" + partition + "}";
	}

	/**
	 * The events of one disconnected account, in the order they arrived, until it is
	 * connected again.
	 */
	public static String held(String accountId) {
		return "bot:events:held:{" + accountId + "}";
	}

	/**
	 * The lease of the instance moving an account's held events back into the partitions,
	 * so they are moved once.
	 */
	public static String heldRelease(String accountId) {
		return "bot:events:held:{" + accountId + "}:release";
	}

	/** The lease of one partition: the instance that reads it. */
	public static String lease(int partition) {
		return "bot:lease:{p" + partition + "}";
	}

	/** Marks an event of the conversation {@code account:sender} as handled. */
	public static String seen(String conversationId, String dedupKey) {
		return "bot:{" + conversationId + "}:seen:" + dedupKey;
	}

	static String processed(InboundEvent event) {
		return seen(event.conversationId(), event.dedupKey());
	}

	static int partitionOf(InboundEvent event, int partitions) {
		return Math.floorMod(event.conversationId().hashCode(), partitions);
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(
				KeyFamily.server("intake", "events", "bot:events:{p<partition>}")
					.erased(Erasure.shortLived("an event leaves its stream once handled; a person who writes again "
							+ "is a new conversation"))
					.kept("until handled: acknowledged and deleted in batches"),
				KeyFamily.account("intake", "held", "bot:events:held:{<account>}")
					.erased(Erasure.by(IntakePersonalData.class))
					.kept("while the account is disconnected; moved back into the partitions when it is "
							+ "connected again"),
				KeyFamily.account("intake", "held-release", "bot:events:held:{<account>}:release")
					.erased(Erasure.notPersonal())
					.kept("while one instance moves the account's held events back, at most 5 minutes"),
				KeyFamily.server("intake", "lease", "bot:lease:{p<partition>}")
					.erased(Erasure.notPersonal())
					.kept("bot.intake.lease-ttl (15s), renewed by its owner"),
				KeyFamily.person("intake", "seen", "bot:{<account>:<sender>}:seen:<event...>")
					.erased(Erasure.deleteKey())
					.kept("bot.intake.dedup-ttl (7d)"),
				KeyFamily.server("intake", "failed", FAILED)
					.erased(Erasure.by(IntakePersonalData.class))
					.kept("bot.dead-letters.retention (30d), at most bot.dead-letters.max-entries (10000)"),
				KeyFamily.server("intake", "instances", INSTANCES)
					.erased(Erasure.notPersonal())
					.kept("an instance's entry until it stops renewing its leases"));
	}

}
