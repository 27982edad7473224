package dev.dmbot.server.system;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Walks keys and stream entries the way every deployment allows: {@code SCAN} on one
 * server or on each node of a Redis Cluster (a cluster client refuses a keyspace-wide
 * {@code SCAN}). For rare, whole-keyspace work such as a data-deletion request, never for
 * a message's hot path.
 */
public final class RedisKeys {

	private static final int BATCH = 1000;

	private RedisKeys() {
	}

	/** Every key matching the glob {@code pattern}, on every node. */
	public static Set<String> scan(UnifiedJedis redis, String pattern) {
		Set<String> keys = new LinkedHashSet<>();
		ScanParams params = new ScanParams().match(pattern).count(BATCH);
		if (redis instanceof RedisClusterClient cluster) {
			for (Map.Entry<String, ConnectionPool> node : cluster.getClusterNodes().entrySet()) {
				try (Connection connection = node.getValue().getResource()) {
					Jedis jedis = new Jedis(connection);
					String cursor = ScanParams.SCAN_POINTER_START;
					do {
						ScanResult<String> page = jedis.scan(cursor, params);
						keys.addAll(page.getResult());
						cursor = page.getCursor();
					}
					while (!ScanParams.SCAN_POINTER_START.equals(cursor));
				}
			}
			return keys;
		}
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = redis.scan(cursor, params);
			keys.addAll(page.getResult());
			cursor = page.getCursor();
		}
		while (!ScanParams.SCAN_POINTER_START.equals(cursor));
		return keys;
	}

	/**
	 * Deletes the entries of a stream whose fields {@code matches} accepts, reading it in
	 * batches from oldest to newest.
	 * @return how many entries were deleted
	 */
	public static long deleteStreamEntries(UnifiedJedis redis, String stream, Predicate<Map<String, String>> matches) {
		long deleted = 0;
		StreamEntryID from = StreamEntryID.MINIMUM_ID;
		while (true) {
			List<StreamEntry> page = redis.xrange(stream, from, StreamEntryID.MAXIMUM_ID, BATCH);
			for (StreamEntry entry : page) {
				if (entry.getFields() != null && matches.test(entry.getFields())) {
					deleted += redis.xdel(stream, entry.getID());
				}
			}
			if (page.size() < BATCH) {
				return deleted;
			}
			StreamEntryID last = page.get(page.size() - 1).getID();
			from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
		}
	}

}
