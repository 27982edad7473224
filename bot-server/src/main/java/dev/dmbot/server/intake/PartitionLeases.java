package dev.dmbot.server.intake;

import java.util.List;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Which instance works which partition. A lease is a Redis key holding the owner's id
 * with a time to live: one owner at a time keeps each sender's events in order, and the
 * lease of a crashed instance simply expires.
 */
@Component
class PartitionLeases {

	private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

	private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private final UnifiedJedis redis;

	private final IntakeProperties properties;

	PartitionLeases(UnifiedJedis redis, IntakeProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	boolean acquire(int partition, String owner) {
		return "OK".equals(this.redis.set(StreamKeys.lease(partition), owner,
				SetParams.setParams().nx().px(this.properties.leaseTtl().toMillis())));
	}

	boolean renew(int partition, String owner) {
		Object renewed = this.redis.eval(RENEW, List.of(StreamKeys.lease(partition)),
				List.of(owner, Long.toString(this.properties.leaseTtl().toMillis())));
		return Long.valueOf(1).equals(renewed);
	}

	void release(int partition, String owner) {
		this.redis.eval(RELEASE, List.of(StreamKeys.lease(partition)), List.of(owner));
	}

	/** Records that this instance is alive and returns how many instances are. */
	long heartbeat(String owner, long nowMillis) {
		this.redis.zadd(StreamKeys.INSTANCES, nowMillis, owner);
		this.redis.zremrangeByScore(StreamKeys.INSTANCES, 0, nowMillis - this.properties.leaseTtl().toMillis());
		return Math.max(1, this.redis.zcard(StreamKeys.INSTANCES));
	}

	void leave(String owner) {
		this.redis.zrem(StreamKeys.INSTANCES, owner);
	}

}
