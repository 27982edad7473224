package dev.dmbot.server.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of the turn itself: the reply ledger, under the person's hash tag. */
@Component
public final class ConversationKeys implements FeatureKeys {

	/**
	 * The reply delivered for one event of the conversation {@code account:sender}, also
	 * the event's handled marker. Releases before this one kept the reply decided and not
	 * yet delivered here too; it is now a field of the context hash
	 * ({@code ReplyLedger}).
	 */
	public static String reply(String conversationId, String dedupKey) {
		return "bot:{" + conversationId + "}:reply:" + dedupKey;
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(KeyFamily.person("conversation", "reply", "bot:{<account>:<sender>}:reply:<event...>")
			.erased(Erasure.deleteKey())
			.kept("7 days (ReplyLedger.KEEP), or bot.intake.dedup-ttl if longer"));
	}

}
