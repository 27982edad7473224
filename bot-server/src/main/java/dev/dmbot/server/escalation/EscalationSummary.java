package dev.dmbot.server.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * One escalation as the queue and the live stream show it.
 *
 * @param age seconds since it opened
 * @param lastCustomerMessage the customer's newest message, or null when not known yet
 * @param closedBy an agent's token name, {@code inbox} or {@code idle-timeout}; null
 * while open
 * @param slaDueAt when an agent should have replied by
 * @param slaBreached no agent reply yet and {@code slaDueAt} has passed
 * @param idleUntil when automation resumes if nobody writes before
 * @param trigger what escalated it, such as the sheet row
 */
record EscalationSummary(String id, String accountId, String senderId, String reason, String team, String priority,
		String status, String assignee, Instant openedAt, long age, String lastCustomerMessage, Instant lastCustomerAt,
		Instant claimedAt, Instant firstAgentReplyAt, Instant lastActivityAt, Instant closedAt, String closedBy,
		Instant slaDueAt, boolean slaBreached, Instant idleUntil, String trigger) {

	static EscalationSummary of(StoredEscalation stored, String lastCustomerMessage, Instant now) {
		Escalation escalation = stored.escalation();
		Instant slaDueAt = escalation.openedAt().plus(escalation.sla());
		return new EscalationSummary(escalation.id(), escalation.accountId(), escalation.senderId(),
				escalation.reason(), escalation.team(), escalation.priority(), escalation.status(),
				escalation.assignee(), escalation.openedAt(),
				Math.max(0, Duration.between(escalation.openedAt(), now).getSeconds()), lastCustomerMessage,
				stored.lastCustomerAt(), escalation.claimedAt(), escalation.firstAgentReplyAt(),
				escalation.lastActivityAt(), escalation.closedAt(), stored.closedBy(), slaDueAt,
				escalation.isOpen() && escalation.firstAgentReplyAt() == null && now.isAfter(slaDueAt),
				escalation.isOpen() ? escalation.idleUntil() : null, escalation.trigger());
	}

}
