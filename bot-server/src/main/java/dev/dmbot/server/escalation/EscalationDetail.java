package dev.dmbot.server.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.dmbot.server.context.LogEntry;

/**
 * One escalation with everything an agent needs to answer: the conversation (each bot
 * reply with its explain trail: rows fired, intent, facts), the lead's slots, the
 * contact's attributes and tags, and the notes.
 *
 * @param customerMessage what the customer was told when it opened
 * @param idleTimeout ISO-8601, such as {@code PT48H}
 * @param sla ISO-8601, such as {@code PT4H}
 * @param slots what the conversation learned: the slots at opening, updated with the
 * current ones
 * @param lastInboundAt when the customer last wrote
 * @param replyWindow how an agent may answer now: {@code standard} (within 24 hours),
 * {@code human_agent} (24 hours to 7 days, sent with the HUMAN_AGENT tag) or
 * {@code closed}
 * @param conversation oldest first
 */
record EscalationDetail(EscalationSummary escalation, String customerMessage, String idleTimeout, String sla,
		Map<String, String> slots, Set<String> tags, Map<String, String> attributes, Instant lastInboundAt,
		String replyWindow, List<LogEntry> conversation, List<Note> notes) {
}
