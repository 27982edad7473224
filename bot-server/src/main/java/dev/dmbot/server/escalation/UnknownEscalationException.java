package dev.dmbot.server.escalation;

import dev.dmbot.server.system.PermanentException;

/**
 * No escalation with that id that this agent may see. Another account's escalation is
 * unknown too: its existence is not revealed.
 */
class UnknownEscalationException extends PermanentException {

	UnknownEscalationException(String id) {
		super("No escalation with the id '" + id + "'. List the ones you can see with GET /api/escalations.", null);
	}

}
