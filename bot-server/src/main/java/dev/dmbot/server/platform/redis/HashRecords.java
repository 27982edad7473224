package dev.dmbot.server.platform.redis;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Makes {@link HashRecordSet}s on the server's Redis, so that their users need no Redis
 * client.
 */
@Component
public class HashRecords {

	private final UnifiedJedis redis;

	public HashRecords(UnifiedJedis redis) {
		this.redis = redis;
	}

	/**
	 * The records kept as hashes at {@code recordPrefix + id}, listed in the set at
	 * {@code indexKey}. Both must carry the same hash tag (such as {@code {accounts}}),
	 * because each write changes the record and the index in one script.
	 */
	public HashRecordSet named(String indexKey, String recordPrefix) {
		return new HashRecordSet(this.redis, indexKey, recordPrefix);
	}

}
