package dev.dmbot.server.escalation;

import dev.dmbot.server.system.PermanentException;

/**
 * Meta refused the agent's reply for good, or kept failing; it is in the dead-letter
 * stream.
 */
class AgentReplyFailedException extends PermanentException {

	AgentReplyFailedException(String message) {
		super(message, null);
	}

}
