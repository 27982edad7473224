package dev.dmbot.server.guardrails;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of the guardrails, under the person's hash tag. */
@Component
public final class GuardrailKeys implements FeatureKeys {

	/** Present while the customer opted out of automated messages. */
	public static String optOut(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:optout";
	}

	/** Automated messages sent to the customer that day, in the account's time zone. */
	public static String sent(String accountId, String senderId, LocalDate day) {
		return "bot:{" + accountId + ":" + senderId + "}:sent:" + day;
	}

	/** When the disclosure line went out. */
	public static String disclosed(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:disclosed";
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(
				KeyFamily.person("guardrails", "opt-out", "bot:{<account>:<sender>}:optout")
					.erased(Erasure.deleteKey())
					.kept("until the customer opts in"),
				KeyFamily.person("guardrails", "sent", "bot:{<account>:<sender>}:sent:<day>")
					.erased(Erasure.deleteKey())
					.kept("2 days (Guardrails.COUNT_KEPT)"),
				KeyFamily.person("guardrails", "disclosed", "bot:{<account>:<sender>}:disclosed")
					.erased(Erasure.deleteKey()));
	}

}
