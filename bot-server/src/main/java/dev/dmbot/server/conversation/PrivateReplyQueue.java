package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.outbound.CommentReply;

/**
 * Private replies waiting for the account's hourly allowance, shared by every instance
 * through Redis. Per account (one hash slot, {@code {account}}):
 * <ul>
 * <li>{@code bot:comments:{account}:replied:<comment-id>}: the comment has its reply
 * decided; set once, kept 8 days (Meta allows a private reply for 7);</li>
 * <li>{@code bot:comments:{account}:queue}: a list of replies in the order the comments
 * came;</li>
 * <li>{@code bot:comments:{account}:sent}: a sorted set of the replies taken in the last
 * hour, scored by the epoch millisecond they were taken.</li>
 * </ul>
 * {@code bot:comments:accounts} names the accounts that ever queued a reply. Each
 * operation is one script, so a comment is queued at most once and each queued reply is
 * taken by exactly one instance.
 */
@Component
class PrivateReplyQueue {

	static final String ACCOUNTS = "bot:comments:accounts";

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

	private static final String TAKE = """
			redis.call('zremrangebyscore', KEYS[2], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[3]))
			if redis.call('zcard', KEYS[2]) >= tonumber(ARGV[2]) then return false end
			local item = redis.call('lpop', KEYS[1])
			if not item then return false end
			redis.call('zadd', KEYS[2], ARGV[1], item)
			redis.call('pexpire', KEYS[2], tonumber(ARGV[3]) * 2)
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
		Object queued = this.redis.eval(ENQUEUE, List.of(marker(account, reply.reply().commentId()), queue(account)),
				List.of(this.json.writeValueAsString(reply), Long.toString(MARKER_TTL.toSeconds())));
		if (!Long.valueOf(1).equals(queued)) {
			return false;
		}
		this.redis.sadd(ACCOUNTS, account);
		return true;
	}

	/**
	 * Takes the oldest queued reply of the account if fewer than {@code perHour} were
	 * taken in the hour before {@code nowMillis}; {@code null} when none is queued or the
	 * allowance is used up.
	 */
	Queued take(String accountId, long nowMillis, int perHour) {
		Object item = this.redis.eval(TAKE, List.of(queue(accountId), sent(accountId)),
				List.of(Long.toString(nowMillis), Integer.toString(perHour), Long.toString(HOUR.toMillis())));
		return item == null ? null : this.json.readValue((String) item, Queued.class);
	}

	/** Gives back the allowance a taken reply did not use (it was too old to send). */
	void release(Queued reply) {
		this.redis.zrem(sent(reply.reply().accountId()), this.json.writeValueAsString(reply));
	}

	Set<String> accounts() {
		return this.redis.smembers(ACCOUNTS);
	}

	long length(String accountId) {
		return this.redis.llen(queue(accountId));
	}

	static String marker(String accountId, String commentId) {
		return "bot:comments:{" + accountId + "}:replied:" + commentId;
	}

	static String queue(String accountId) {
		return "bot:comments:{" + accountId + "}:queue";
	}

	static String sent(String accountId) {
		return "bot:comments:{" + accountId + "}:sent";
	}

	/**
	 * A private reply in the queue.
	 *
	 * @param commentedAt when the comment was made, epoch milliseconds: Meta takes the
	 * reply for 7 days
	 */
	record Queued(CommentReply reply, long commentedAt) {
	}

}
