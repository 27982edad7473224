package dev.dmbot.server.leads;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation has produced a qualified lead. Handing the same event again (same
 * conversation and same flow, or rule when there is no flow) updates the lead it made the
 * first time instead of making a second one.
 *
 * @param accountId the Instagram professional account the customer wrote to
 * @param senderId the customer's Instagram-scoped id (IGSID)
 * @param slots what the flow collected, in the order it asked; names and values
 * @param score the qualification score
 * @param tags free labels, kept in order and without duplicates
 * @param qualifiedAt when the flow qualified the lead; null means now
 */
public record LeadQualified(String accountId, String senderId, Map<String, String> slots, int score, List<String> tags,
		LeadSource source, Instant qualifiedAt) {

	public LeadQualified {
		require(accountId, "accountId");
		require(senderId, "senderId");
		if (source == null) {
			throw new IllegalArgumentException("a qualified lead needs a source (flow or rule)");
		}
		slots = slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
	}

	/** {@code account:sender}, as the rest of the server names a conversation. */
	public String conversationId() {
		return this.accountId + ":" + this.senderId;
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank() || value.contains(":")) {
			throw new IllegalArgumentException(name + " must be a non-blank id without ':', but was '" + value + "'");
		}
	}

}
