package dev.dmbot.server.escalation;

import java.time.Instant;

/**
 * An escalation as Redis holds it: the public record and what only the agent API and the
 * notifications need.
 *
 * @param customerMessage what the customer was told when it opened, or null
 * @param closedBy who closed it: an agent's token name, {@code inbox} (Meta's Inbox gave
 * the thread back) or {@code idle-timeout}; null while open
 * @param lastCustomerMessage the newest message the customer wrote while it was open, or
 * null
 * @param indexed whether its queue entries and notifications were written (a crash in
 * between is repaired by the next {@code open})
 * @param threadPassed whether the thread was passed to the inbox app
 */
record StoredEscalation(Escalation escalation, String customerMessage, String closedBy, String lastCustomerMessage,
		Instant lastCustomerAt, boolean indexed, boolean threadPassed) {

	String id() {
		return this.escalation.id();
	}

}
