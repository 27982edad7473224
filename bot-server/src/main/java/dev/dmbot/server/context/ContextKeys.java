package dev.dmbot.server.context;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of a conversation's context and log, under the person's hash tag. */
@Component
public final class ContextKeys implements FeatureKeys {

	/**
	 * What starts the name of every field that another feature keeps in the context hash
	 * (the A/B touches, the reply pending delivery), so that it is read and written with
	 * the context, in the turn's one read and one write. The context never reads such a
	 * field as its own, and no variable an analyst sets can be named so: attributes are
	 * stored as {@code attr.<name>}, flow answers as {@code slot.<name>}.
	 */
	public static final String FEATURE_FIELDS = "_";

	/**
	 * The prefix of the fields {@code feature} keeps in the context hash:
	 * {@code _<feature>.}.
	 */
	public static String featureFields(String feature) {
		return FEATURE_FIELDS + feature + ".";
	}

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
