package dev.dmbot.server.context;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of a conversation's context and log, under the person's hash tag. */
@Component
public final class ContextKeys implements FeatureKeys {

	/** The conversation's context hash. */
	public static String context(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:ctx";
	}

	/** The conversation's log stream. */
	public static String log(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:log";
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(
				KeyFamily.person("context", "ctx", "bot:{<account>:<sender>}:ctx")
					.erased(Erasure.deleteKey())
					.kept("bot.context.retention (90d) after the last write (a turn sets it again at most every 30 s)"),
				KeyFamily.person("context", "log", "bot:{<account>:<sender>}:log")
					.erased(Erasure.deleteKey())
					.kept("bot.context.log-retention (90d) after the last write (a turn sets it again at most every 30 s); "
							+ "the newest 500 entries or so"));
	}

}
