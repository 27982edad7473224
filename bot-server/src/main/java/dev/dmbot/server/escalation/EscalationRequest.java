package dev.dmbot.server.escalation;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the conversation asks for when a conversation needs a person: which conversation,
 * why, for which team and how urgently.
 *
 * @param reason short name for metrics and the queue, such as {@code refund}
 * @param priority {@code urgent}, {@code high}, {@code normal} or {@code low}; null means
 * {@code normal}
 * @param idleTimeout automation resumes after this long without a message from either
 * side; null means {@code bot.escalation.idle-timeout}
 * @param sla no agent reply by then and the notification webhook is called again; null
 * means {@code bot.escalation.sla}
 * @param trigger what decided it, such as the sheet row ({@code "shop.xlsx › Escalations
 * › row 4"}); shown to agents
 * @param customerMessage what the customer was told, or null
 * @param slots what the conversation learned (a flow's answers), shown to agents
 * @param tags the customer's tags when it opened
 */
public record EscalationRequest(String accountId, String senderId, String reason, String team, String priority,
		Duration idleTimeout, Duration sla, String trigger, String customerMessage, Map<String, String> slots,
		Set<String> tags) {

	public EscalationRequest {
		slots = slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
		tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
	}

}
