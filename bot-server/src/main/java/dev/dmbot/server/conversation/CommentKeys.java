package dev.dmbot.server.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of private replies to comments: per account, the queue, the replies in
 * flight, those sent in the last hour and a marker per comment answered.
 */
@Component
public final class CommentKeys implements FeatureKeys {

	/** The accounts that ever queued a reply. */
	public static final String ACCOUNTS = "bot:comments:accounts";

	/** Marks a comment whose private reply was queued. */
	public static String replied(String accountId, String commentId) {
		return "bot:comments:{" + accountId + "}:replied:" + commentId;
	}

	/** Private replies waiting for the hour's allowance, oldest first. */
	public static String queue(String accountId) {
		return "bot:comments:{" + accountId + "}:queue";
	}

	/** Private replies taken by an instance, scored by the end of its lease. */
	public static String inFlight(String accountId) {
		return "bot:comments:{" + accountId + "}:inflight";
	}

	/** Private replies taken in the last hour, scored by when. */
	public static String sent(String accountId) {
		return "bot:comments:{" + accountId + "}:sent";
	}

	@Override
	public List<KeyFamily> families() {
		// A queued reply names the commenter until it is sent, within hours: Meta takes a
		// private reply for 7 days only.
		Erasure untilSent = Erasure.shortLived("a private reply waits at most for the hourly allowance");
		return List.of(KeyFamily.server("comments", "accounts", ACCOUNTS).erased(Erasure.notPersonal()),
				KeyFamily.account("comments", "replied", "bot:comments:{<account>}:replied:<comment>")
					.erased(Erasure.notPersonal())
					.kept("8 days (PrivateReplyQueue.MARKER_TTL)"),
				KeyFamily.account("comments", "queue", "bot:comments:{<account>}:queue")
					.erased(untilSent)
					.kept("until the hourly allowance lets it be sent"),
				KeyFamily.account("comments", "in-flight", "bot:comments:{<account>}:inflight")
					.erased(untilSent)
					.kept("until sent, or its lease (5 minutes) runs out and it is queued again"),
				KeyFamily.account("comments", "sent", "bot:comments:{<account>}:sent")
					.erased(untilSent)
					.kept("an hour, then dropped by the next take"));
	}

}
