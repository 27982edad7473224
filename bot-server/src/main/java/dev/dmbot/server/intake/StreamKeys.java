package dev.dmbot.server.intake;

/**
 * Redis key names of the intake. Each partition's keys carry a hash tag so that a
 * partition's stream and lease share a Redis Cluster slot.
 */
final class StreamKeys {

	static final String GROUP = "workers";

	private StreamKeys() {
	}

	static String stream(int partition) {
		return "bot:events:{p" + partition + "}";
	}

	static String lease(int partition) {
		return "bot:lease:{p" + partition + "}";
	}

	static String processed(InboundEvent event) {
		return "bot:{" + event.conversationId() + "}:seen:" + event.dedupKey();
	}

	static final String FAILED = "bot:events:failed";

	static final String INSTANCES = "bot:instances";

	/**
	 * Pub/sub channel on which an instance says that it freed partitions or joined, so
	 * that the others rebalance at once rather than at their next round.
	 */
	static final String PARTITIONS_CHANGED = "bot:intake:partitions-changed";

	static int partitionOf(InboundEvent event, int partitions) {
		return Math.floorMod(event.conversationId().hashCode(), partitions);
	}

}
