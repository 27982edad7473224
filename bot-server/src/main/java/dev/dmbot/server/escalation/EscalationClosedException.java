package dev.dmbot.server.escalation;

import dev.dmbot.server.system.PermanentException;

/**
 * The escalation was resolved, handed back or timed out: nothing more can be done with
 * it.
 */
class EscalationClosedException extends PermanentException {

	EscalationClosedException(StoredEscalation stored) {
		super(describe(stored), null);
	}

	private static String describe(StoredEscalation stored) {
		Escalation escalation = stored.escalation();
		String how = switch (escalation.status()) {
			case Escalation.RESOLVED -> "was resolved";
			case Escalation.HANDED_BACK -> "was handed back to the bot";
			case Escalation.TIMED_OUT ->
				"timed out after " + Durations.words(escalation.idleTimeout()) + " without a message";
			default -> "is closed (" + escalation.status() + ")";
		};
		String by = stored.closedBy() != null && !Escalation.TIMED_OUT.equals(escalation.status())
				? " by " + stored.closedBy() : "";
		return "Escalation " + escalation.id() + " " + how + by
				+ (escalation.closedAt() != null ? " at " + escalation.closedAt() : "")
				+ ", so the bot answers this customer again. If the customer still needs a person, the next "
				+ "escalation of this conversation opens a new one.";
	}

}
