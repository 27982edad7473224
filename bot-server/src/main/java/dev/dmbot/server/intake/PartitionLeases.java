package dev.dmbot.server.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

import dev.dmbot.server.platform.redis.RedisFailures;

/**
 * Which instance works which partition. A lease is a Redis key holding the owner's id
 * with a time to live: one owner at a time keeps each sender's events in order, and the
 * lease of a crashed instance simply expires. Instances announce themselves in a sorted
 * set scored by their last heartbeat, which tells each one its fair share.
 * <p>
 * The keys and their meaning are those of the previous release (which renews every lease
 * with its own script and counts instances with {@code ZREMRANGEBYSCORE} and
 * {@code ZCARD}), so both can run side by side during a rolling upgrade.
 */
@Component
class PartitionLeases {

	private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

	private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	/**
	 * One round in one script: the heartbeat, the leases this instance holds renewed, and
	 * the instances alive. KEYS: the instances set, then the leases; ARGV: owner, ttl,
	 * now, the oldest heartbeat still alive, whether to drop dead members. Returns the
	 * members alive with their heartbeats, and the 1-based positions of the leases lost.
	 */
	private static final String ROUND = """
			redis.call('zadd', KEYS[1], ARGV[3], ARGV[1])
			if ARGV[5] == '1' then redis.call('zremrangebyscore', KEYS[1], 0, '(' .. ARGV[4]) end
			local lost = {}
			if #KEYS > 1 then
			  local leases = {}
			  for i = 2, #KEYS do leases[i - 1] = KEYS[i] end
			  local owners = redis.call('mget', unpack(leases))
			  for i, key in ipairs(leases) do
			    if owners[i] == ARGV[1] then redis.call('pexpire', key, ARGV[2]) else lost[#lost + 1] = i end
			  end
			end
			return {redis.call('zrangebyscore', KEYS[1], ARGV[4], '+inf', 'WITHSCORES'), lost}
			""";

	private final UnifiedJedis redis;

	private final IntakeProperties properties;

	PartitionLeases(UnifiedJedis redis, IntakeProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * What one round learnt: how many instances are alive, the earliest moment one of the
	 * others will count as gone unless it beats again, and which of the leases this
	 * instance held are no longer its own.
	 */
	record Round(long instances, long nextExpiryMillis, Set<Integer> lost) {
	}

	boolean acquire(int partition, String owner) {
		return "OK".equals(RedisFailures.translating("Acquiring the lease of partition " + partition,
				() -> this.redis.set(StreamKeys.lease(partition), owner,
						SetParams.setParams().nx().px(this.properties.leaseTtl().toMillis()))));
	}

	/** Milliseconds the lease of a partition has left; negative when there is none. */
	long remaining(int partition) {
		return RedisFailures.translating("Reading the lease of partition " + partition,
				() -> this.redis.pttl(StreamKeys.lease(partition)));
	}

	/**
	 * Beats, renews the leases of {@code owned} and counts the instances, in one round
	 * trip.
	 * @param sweep whether to also remove instances that stopped beating
	 */
	Round beat(String owner, List<Integer> owned, long nowMillis, boolean sweep) {
		long ttl = this.properties.leaseTtl().toMillis();
		long oldestAlive = nowMillis - ttl + 1;
		return RedisFailures.translating("Renewing the partition leases",
				() -> (this.redis instanceof RedisClusterClient)
						? beatAcrossSlots(owner, owned, nowMillis, oldestAlive, sweep)
						: beatInOneScript(owner, owned, nowMillis, oldestAlive, sweep));
	}

	@SuppressWarnings("unchecked")
	private Round beatInOneScript(String owner, List<Integer> owned, long nowMillis, long oldestAlive, boolean sweep) {
		List<String> keys = new ArrayList<>(owned.size() + 1);
		keys.add(StreamKeys.INSTANCES);
		owned.forEach((partition) -> keys.add(StreamKeys.lease(partition)));
		List<Object> answer = (List<Object>) this.redis.eval(ROUND, keys,
				List.of(owner, Long.toString(this.properties.leaseTtl().toMillis()), Long.toString(nowMillis),
						Long.toString(oldestAlive), sweep ? "1" : "0"));
		List<Object> alive = (List<Object>) answer.get(0);
		List<Object> lostPositions = (List<Object>) answer.get(1);
		Set<Integer> lost = new HashSet<>();
		for (Object position : lostPositions) {
			lost.add(owned.get(((Long) position).intValue() - 1));
		}
		long instances = 0;
		long earliest = Long.MAX_VALUE;
		for (int i = 0; i + 1 < alive.size(); i += 2) {
			instances++;
			if (!owner.equals(text(alive.get(i)))) {
				earliest = Math.min(earliest, (long) Double.parseDouble(text(alive.get(i + 1))));
			}
		}
		return new Round(Math.max(1, instances), expiry(earliest), lost);
	}

	/**
	 * On a Redis Cluster the leases live on different nodes: one pipeline, one script per
	 * lease.
	 */
	private Round beatAcrossSlots(String owner, List<Integer> owned, long nowMillis, long oldestAlive, boolean sweep) {
		String ttl = Long.toString(this.properties.leaseTtl().toMillis());
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			pipeline.zadd(StreamKeys.INSTANCES, nowMillis, owner);
			if (sweep) {
				pipeline.zremrangeByScore(StreamKeys.INSTANCES, 0, oldestAlive - 1);
			}
			List<Response<Object>> renewed = new ArrayList<>(owned.size());
			for (int partition : owned) {
				renewed.add(pipeline.eval(RENEW, List.of(StreamKeys.lease(partition)), List.of(owner, ttl)));
			}
			Response<List<Tuple>> alive = pipeline.zrangeWithScores(StreamKeys.INSTANCES,
					ZRangeParams.zrangeByScoreParams(oldestAlive, Double.POSITIVE_INFINITY));
			pipeline.sync();
			Set<Integer> lost = new HashSet<>();
			for (int i = 0; i < owned.size(); i++) {
				if (!Long.valueOf(1).equals(renewed.get(i).get())) {
					lost.add(owned.get(i));
				}
			}
			long earliest = alive.get()
				.stream()
				.filter((member) -> !owner.equals(member.getElement()))
				.mapToLong((member) -> (long) member.getScore())
				.min()
				.orElse(Long.MAX_VALUE);
			return new Round(Math.max(1, alive.get().size()), expiry(earliest), lost);
		}
	}

	private long expiry(long heartbeatMillis) {
		return (heartbeatMillis == Long.MAX_VALUE) ? Long.MAX_VALUE
				: heartbeatMillis + this.properties.leaseTtl().toMillis();
	}

	void release(int partition, String owner) {
		RedisFailures.translating("Releasing the lease of partition " + partition,
				() -> this.redis.eval(RELEASE, List.of(StreamKeys.lease(partition)), List.of(owner)));
	}

	void leave(String owner) {
		RedisFailures.translating("Leaving the instances", () -> this.redis.zrem(StreamKeys.INSTANCES, owner));
	}

	/** Tells the other instances that partitions were freed or wanted. */
	void announce(String owner) {
		RedisFailures.translating("Announcing a partition change",
				() -> this.redis.publish(StreamKeys.PARTITIONS_CHANGED, owner));
	}

	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

}
