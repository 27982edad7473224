package dev.dmbot.server.platform.redis;

import java.util.Map;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * Plain Redis hashes for features that keep a few fields per key (stamps, counters), so
 * their users need no Redis client. Failures arrive as the server's transient/permanent
 * split ({@link RedisFailures}).
 */
@Component
public class Hashes {

	private final UnifiedJedis redis;

	public Hashes(UnifiedJedis redis) {
		this.redis = redis;
	}

	/** Every field of the hash; empty when there is none. */
	public Map<String, String> read(String key) {
		return RedisFailures.translating("reading " + key, () -> this.redis.hgetAll(key));
	}

	/** Sets these fields, leaving the others. */
	public void write(String key, Map<String, String> fields) {
		RedisFailures.translating("writing " + key, () -> this.redis.hset(key, fields));
	}

	/**
	 * Adds one to a counter field and sets other fields, in one round trip.
	 */
	public void increment(String key, String counter, Map<String, String> fields) {
		RedisFailures.translating("writing " + key, () -> {
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				pipeline.hincrBy(key, counter, 1);
				if (!fields.isEmpty()) {
					pipeline.hset(key, fields);
				}
				pipeline.sync();
			}
		});
	}

}
