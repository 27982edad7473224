package dev.dmbot.server.system;

import java.util.List;

import redis.clients.jedis.UnifiedJedis;

/**
 * Work waiting for its next try, shared by every instance: a Redis sorted set of ids
 * scored by the epoch millisecond each is due. An instance claims a due entry by moving
 * its score to the end of a lease in one script, so only one instance tries it; if that
 * instance dies, the lease runs out and another one does. Lead deliveries to the CRM and
 * escalation notifications are kept this way.
 */
public class DueQueue {

	private static final String CLAIM_DUE = """
			local ids = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
			for _, id in ipairs(ids) do redis.call('zadd', KEYS[1], ARGV[2], id) end
			return ids
			""";

	private static final String CLAIM_ONE = """
			local score = redis.call('zscore', KEYS[1], ARGV[1])
			if score and tonumber(score) <= tonumber(ARGV[2]) then
			  redis.call('zadd', KEYS[1], ARGV[3], ARGV[1])
			  return 1
			end
			return 0
			""";

	/** Moves or removes the entry only while this claim still holds it. */
	private static final String RELEASE = """
			local score = redis.call('zscore', KEYS[1], ARGV[1])
			if not score or tonumber(score) ~= tonumber(ARGV[2]) then return 0 end
			if ARGV[3] == '' then redis.call('zrem', KEYS[1], ARGV[1])
			else redis.call('zadd', KEYS[1], ARGV[3], ARGV[1]) end
			return 1
			""";

	private final UnifiedJedis redis;

	private final String key;

	public DueQueue(UnifiedJedis redis, String key) {
		this.redis = redis;
		this.key = key;
	}

	/** The sorted set's key. */
	public String key() {
		return this.key;
	}

	/** Makes the entry due at this time, whether or not it was queued or claimed. */
	public void schedule(String id, long dueMillis) {
		this.redis.zadd(this.key, dueMillis, id);
	}

	/** Claims up to {@code max} due entries until {@code leaseUntil}. */
	@SuppressWarnings("unchecked")
	public List<String> claimDue(long nowMillis, long leaseUntil, int max) {
		// Most polls find nothing due: one plain read then, rather than a script (which
		// Redis counts as two commands).
		if (max <= 0 || this.redis.zrangeByScore(this.key, Double.NEGATIVE_INFINITY, nowMillis, 0, 1).isEmpty()) {
			return List.of();
		}
		return (List<String>) this.redis.eval(CLAIM_DUE, List.of(this.key),
				List.of(Long.toString(nowMillis), Long.toString(leaseUntil), Integer.toString(max)));
	}

	/** Claims this entry until {@code leaseUntil} if it is due and nobody holds it. */
	public boolean claim(String id, long nowMillis, long leaseUntil) {
		Object claimed = this.redis.eval(CLAIM_ONE, List.of(this.key),
				List.of(id, Long.toString(nowMillis), Long.toString(leaseUntil)));
		return Long.valueOf(1).equals(claimed);
	}

	/** The try is over: forget the entry (unless someone re-queued it meanwhile). */
	public void done(String id, long claim) {
		this.redis.eval(RELEASE, List.of(this.key), List.of(id, Long.toString(claim), ""));
	}

	/** The try failed: due again at {@code dueMillis}, unless re-queued meanwhile. */
	public void retryAt(String id, long claim, long dueMillis) {
		this.redis.eval(RELEASE, List.of(this.key), List.of(id, Long.toString(claim), Long.toString(dueMillis)));
	}

	public long size() {
		return this.redis.zcard(this.key);
	}

}
