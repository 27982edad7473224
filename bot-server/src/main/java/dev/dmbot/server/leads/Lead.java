package dev.dmbot.server.leads;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A qualified lead as stored and as the admin API shows it.
 *
 * @param id time-sortable (ULID); also the {@code X-Dmbot-Delivery} header the CRM can
 * deduplicate on
 * @param conversationId {@code account:sender}
 * @param slots names and values in the order the flow collected them
 * @param attempts delivery attempts made since the lead was last queued
 * @param lastError why the last attempt failed, or null
 */
public record Lead(String id, String accountId, String senderId, String conversationId, Map<String, String> slots,
		int score, List<String> tags, LeadSource source, LeadStatus status, Instant createdAt, Instant updatedAt,
		int attempts, String lastError) {

	public Lead {
		slots = slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

}
