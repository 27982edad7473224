package dev.dmbot.server.outbound;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of sending: dead letters, the sandbox outbox, the per-account send rate
 * and the ice breakers and menu pushed.
 */
@Component
public final class OutboundKeys implements FeatureKeys {

	/** Replies that could not be sent, with the error. */
	public static final String DEAD_LETTERS = "bot:dead-letters";

	/** What sandbox mode records instead of sending. */
	public static final String SANDBOX_OUTBOX = "bot:sandbox:outbox";

	/** The hash of the last ice breakers and menu body Meta accepted. */
	public static final String MESSENGER_PROFILE_PUSHED = "bot:messenger-profile:pushed";

	/** The ice breakers and menu body sandbox mode records instead of pushing it. */
	public static final String SANDBOX_MESSENGER_PROFILE = "bot:sandbox:messenger-profile";

	/** Messages sent by the account in one epoch second. */
	public static String sendRate(String accountId, long epochSecond) {
		return "bot:rate:{" + accountId + "}:" + epochSecond;
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(
				KeyFamily.server("outbound", "dead-letters", DEAD_LETTERS)
					.erased(Erasure.by(OutboundPersonalData.class))
					.kept("bot.dead-letters.retention (30d), at most bot.dead-letters.max-entries (10000)"),
				KeyFamily.server("outbound", "sandbox-outbox", SANDBOX_OUTBOX)
					.erased(Erasure.by(OutboundPersonalData.class))
					.kept("the newest 10,000 entries or so"),
				KeyFamily.server("outbound", "messenger-profile-pushed", MESSENGER_PROFILE_PUSHED)
					.erased(Erasure.notPersonal()),
				KeyFamily.server("outbound", "sandbox-messenger-profile", SANDBOX_MESSENGER_PROFILE)
					.erased(Erasure.notPersonal()),
				KeyFamily.account("outbound", "send-rate", "bot:rate:{<account>}:<second>")
					.erased(Erasure.notPersonal())
					.kept("2 seconds"));
	}

}
