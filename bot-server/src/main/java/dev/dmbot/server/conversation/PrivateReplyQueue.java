package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.outbound.CommentReply;
import dev.dmbot.server.system.DueQueue;

/**
 * Private replies waiting for the account's hourly allowance, shared by every instance
 * through Redis. Per account (one hash slot, {@code {account}}):
 * <ul>
 * <li>{@code bot:comments:{account}:replied:<comment-id>}: the comment has its reply
 * decided; set once, kept 8 days (Meta allows a private reply for 7);</li>
 * <li>{@code bot:comments:{account}:queue}: a list of replies in the order the comments
 * came;</li>
 * <li>{@code bot:comments:{account}:inflight}: a sorted set of the replies an instance
 * has taken and not yet finished, scored by the epoch millisecond its lease ends;</li>
 * <li>{@code bot:comments:{account}:sent}: a sorted set of the replies taken in the last
 * hour, scored by the epoch millisecond they were taken.</li>
 * </ul>
 * {@code bot:comments:accounts} names the accounts that ever queued a reply. Each
 * operation is one script, so a comment is queued at most once and each queued reply is
 * held by one instance at a time.
 * <p>
 * Taking a reply moves it into the in-flight set under a lease, and counts it against the
 * hour; the instance {@link #done finishes} it once Meta answered. If the instance dies
 * in between, the next take by any instance finds the lease run out and puts the reply
 * back at the head of the queue, so no reply is lost. That makes delivery at least once:
 * an instance that dies after Meta accepted the reply but before {@link #done} lets
 * another send it again, as does a send that outlasts {@link #LEASE}. Meta refuses a
 * second private reply to a comment (error 100/2534025), so the customer still gets one;
 * the caller must take that refusal as "answered", not as a failure.
 */
@Component
class PrivateReplyQueue {

	static final Duration HOUR = Duration.ofHours(1);

	/** Longer than Meta's 7 days, so a late redelivery still finds the marker. */
	static final Duration MARKER_TTL = Duration.ofDays(8);

	private static final String ENQUEUE = """
			if redis.call('set', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
			  redis.call('rpush', KEYS[2], ARGV[1])
			  return 1
			end
			return 0
			""";

	/**
	 * How long a taken reply stays with the instance that took it: longer than a send
	 * with all its retries (by default 5 tries of at most 10 s each, 10 s apart at most).
	 */
	static final Duration LEASE = Duration.ofMinutes(5);

	/**
	 * Puts replies whose lease ran out back at the queue's head, oldest first; then, if
	 * the hour has room, moves the oldest queued reply into the in-flight set. A reply
	 * taken again within the hour is counted once: its time in the hour moves to now.
	 */
	private static final String TAKE = """
			local expired = redis.call('zrangebyscore', KEYS[3], '-inf', ARGV[1])
			for i = #expired, 1, -1 do
			  redis.call('zrem', KEYS[3], expired[i])
			  redis.call('lpush', KEYS[1], expired[i])
			end
			redis.call('zremrangebyscore', KEYS[2], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[3]))
			local item = redis.call('lindex', KEYS[1], 0)
			if not item then return false end
			if not redis.call('zscore', KEYS[2], item)
			    and redis.call('zcard', KEYS[2]) >= tonumber(ARGV[2]) then return false end
			redis.call('lpop', KEYS[1])
			redis.call('zadd', KEYS[2], ARGV[1], item)
			redis.call('pexpire', KEYS[2], tonumber(ARGV[3]) * 2)
			redis.call('zadd', KEYS[3], ARGV[4], item)
			return item
			""";

	private final UnifiedJedis redis;

	private final JsonMapper json;

	PrivateReplyQueue(UnifiedJedis redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/**
	 * Queues the private reply to a comment unless one was queued before.
	 * @return whether this call queued it
	 */
	boolean enqueue(Queued reply) {
		String account = reply.reply().accountId();
		Object queued = this.redis.eval(ENQUEUE,
				List.of(CommentKeys.replied(account, reply.reply().commentId()), CommentKeys.queue(account)),
				List.of(this.json.writeValueAsString(reply), Long.toString(MARKER_TTL.toSeconds())));
		if (!Long.valueOf(1).equals(queued)) {
			return false;
		}
		this.redis.sadd(CommentKeys.ACCOUNTS, account);
		return true;
	}

	/**
	 * Takes the oldest queued reply of the account, leased to the caller until
	 * {@link #LEASE} after {@code nowMillis}, if fewer than {@code perHour} were taken in
	 * the hour before; {@code null} when none is queued or the allowance is used up.
	 * Replies whose lease ran out are queued again first.
	 */
	Taken take(String accountId, long nowMillis, int perHour) {
		long leaseUntil = nowMillis + LEASE.toMillis();
		Object item = this.redis.eval(TAKE,
				List.of(CommentKeys.queue(accountId), CommentKeys.sent(accountId), CommentKeys.inFlight(accountId)),
				List.of(Long.toString(nowMillis), Integer.toString(perHour), Long.toString(HOUR.toMillis()),
						Long.toString(leaseUntil)));
		if (item == null) {
			return null;
		}
		String member = (String) item;
		return new Taken(this.json.readValue(member, Queued.class), member, leaseUntil);
	}

	/**
	 * The taken reply is finished (sent, refused or dead-lettered): it leaves the
	 * in-flight set, unless its lease ran out and another instance holds it now.
	 */
	void done(Taken taken) {
		leases(taken).done(taken.member(), taken.leaseUntil());
	}

	/**
	 * Finishes a taken reply that was not sent (it was too old to send) and gives back
	 * the allowance it did not use.
	 */
	void release(Taken taken) {
		this.redis.zrem(CommentKeys.sent(taken.queued().reply().accountId()), taken.member());
		done(taken);
	}

	private DueQueue leases(Taken taken) {
		return new DueQueue(this.redis, CommentKeys.inFlight(taken.queued().reply().accountId()));
	}

	Set<String> accounts() {
		return this.redis.smembers(CommentKeys.ACCOUNTS);
	}

	/**
	 * A private reply in the queue.
	 *
	 * @param commentedAt when the comment was made, epoch milliseconds: Meta takes the
	 * reply for 7 days
	 */
	record Queued(CommentReply reply, long commentedAt) {
	}

	/**
	 * A reply an instance took off the queue and holds until {@code leaseUntil}.
	 *
	 * @param member the reply as stored in Redis
	 */
	record Taken(Queued queued, String member, long leaseUntil) {

		CommentReply reply() {
			return this.queued.reply();
		}

	}

}
