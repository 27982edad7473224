package dev.dmbot.server.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.PersonalData;
import dev.dmbot.server.system.RedisKeys;

/**
 * Removes every key of one person in every account: what each feature keeps elsewhere
 * (its {@link PersonalData}), then the person's own keys, {@code bot:{account:sender}:…},
 * which share one Redis Cluster slot per account. Safe to repeat.
 */
@Component
class PersonErasure {

	private final UnifiedJedis redis;

	private final List<PersonalData> features;

	/**
	 * People erased lately, {@code account:sender} scored by when: every instance reads
	 * it to forget what it holds in memory.
	 */
	static final String FORGET = PrivacyKeys.FORGET;

	private static final Duration FORGET_KEPT = Duration.ofDays(1);

	/**
	 * Read again from a little before the newest erasure seen: one written in the same
	 * millisecond is not missed, and forgetting twice does no harm.
	 */
	private static final long OVERLAP_MILLIS = 1000;

	private final String configuredAccount;

	private final Clock clock;

	PersonErasure(UnifiedJedis redis, List<PersonalData> features, MetaProperties meta, Clock clock) {
		this.redis = redis;
		this.features = features;
		this.configuredAccount = meta.accountId();
		this.clock = clock;
	}

	/**
	 * @return how many keys, entries and fields were removed
	 */
	long erase(String senderId) {
		if (!SignedRequest.USER_ID.matcher(senderId).matches()) {
			// Never let an id act as a key pattern.
			throw new IllegalArgumentException("Not a person's id: letters, digits, '_' or '-', at most 64");
		}
		Set<String> ownKeys = RedisKeys.scan(this.redis, "bot:{*:" + senderId + "}:*");
		Set<String> accounts = new TreeSet<>();
		accounts.add(this.configuredAccount);
		String tagEnd = ":" + senderId + "}:";
		for (String key : ownKeys) {
			int end = key.indexOf(tagEnd);
			if (key.startsWith("bot:{") && end > "bot:{".length()) {
				accounts.add(key.substring("bot:{".length(), end));
			}
		}
		for (PersonalData feature : this.features) {
			accounts.addAll(feature.accounts(senderId));
		}
		long removed = 0;
		long now = this.clock.millis();
		for (String account : accounts) {
			for (PersonalData feature : this.features) {
				removed += feature.erase(account, senderId);
			}
			this.redis.zadd(FORGET, now, account + ":" + senderId);
		}
		this.redis.zremrangeByScore(FORGET, Double.NEGATIVE_INFINITY, now - FORGET_KEPT.toMillis());
		// Own keys last, and found again: features may have read them, and a key may have
		// been written meanwhile.
		ownKeys.addAll(RedisKeys.scan(this.redis, "bot:{*:" + senderId + "}:*"));
		for (String key : ownKeys) {
			int end = key.indexOf(tagEnd);
			if (key.startsWith("bot:{") && end > 0 && key.indexOf('}') == end + tagEnd.length() - 2) {
				removed += this.redis.unlink(key);
			}
		}
		return removed;
	}

	/**
	 * Forgets, on this instance, what features hold in memory about the people erased
	 * (here or on another instance) after {@code sinceMillis}.
	 * @return the time of the newest erasure seen, to pass next time
	 */
	long forgetErasedSince(long sinceMillis) {
		long newest = sinceMillis;
		for (Tuple erased : this.redis.zrangeWithScores(FORGET,
				ZRangeParams.zrangeByScoreParams(sinceMillis - OVERLAP_MILLIS, Double.POSITIVE_INFINITY))) {
			String member = erased.getElement();
			int colon = member.indexOf(':');
			if (colon > 0) {
				for (PersonalData feature : this.features) {
					feature.forgetInMemory(member.substring(0, colon), member.substring(colon + 1));
				}
			}
			newest = Math.max(newest, (long) erased.getScore());
		}
		return newest;
	}

}
