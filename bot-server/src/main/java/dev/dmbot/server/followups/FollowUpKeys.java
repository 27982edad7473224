package dev.dmbot.server.followups;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of follow-ups: the one waiting for a person, and the shared due queue.
 */
@Component
public final class FollowUpKeys implements FeatureKeys {

	/**
	 * Follow-ups of every account, {@code account:sender:id} scored by when they are due.
	 */
	public static final String DUE = "bot:followups:due";

	/** The follow-up waiting for this person. */
	public static String followUp(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:followup";
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(
				KeyFamily.person("followups", "follow-up", "bot:{<account>:<sender>}:followup")
					.erased(Erasure.deleteKey())
					.kept("until it is sent or cancelled"),
				KeyFamily.server("followups", "due", DUE)
					.erased(Erasure.by(FollowUpPersonalData.class))
					.kept("a follow-up until it is sent or cancelled"));
	}

}
