package dev.dmbot.server.platform.redis;

import java.util.ArrayList;
import java.util.List;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Members scored by the epoch millisecond they were added, in one Redis sorted set: a log
 * every instance reads from where it last stopped, such as the people erased lately. Made
 * by {@link TimeLogs}.
 */
public final class TimeLog {

	private final UnifiedJedis redis;

	private final String key;

	TimeLog(UnifiedJedis redis, String key) {
		this.redis = redis;
		this.key = key;
	}

	/** Adds the member at this time (or moves it there). */
	public void add(String member, long millis) {
		RedisFailures.translating("add to " + this.key, () -> this.redis.zadd(this.key, millis, member));
	}

	/** Drops what was added at or before this time. */
	public void dropUntil(long millis) {
		RedisFailures.translating("trim " + this.key,
				() -> this.redis.zremrangeByScore(this.key, Double.NEGATIVE_INFINITY, millis));
	}

	/** What was added at or after this time, oldest first. */
	public List<Entry> since(long millis) {
		List<Tuple> found = RedisFailures.translating("read " + this.key, () -> this.redis.zrangeWithScores(this.key,
				ZRangeParams.zrangeByScoreParams(millis, Double.POSITIVE_INFINITY)));
		List<Entry> entries = new ArrayList<>(found.size());
		for (Tuple tuple : found) {
			entries.add(new Entry(tuple.getElement(), (long) tuple.getScore()));
		}
		return entries;
	}

	/** A member and when it was added. */
	public record Entry(String member, long millis) {
	}

}
