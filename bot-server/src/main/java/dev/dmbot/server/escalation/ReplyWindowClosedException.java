package dev.dmbot.server.escalation;

import dev.dmbot.server.system.PermanentException;

/**
 * Instagram no longer lets the business answer this customer: the customer's last message
 * is more than 7 days old (or Meta said the window is closed).
 */
class ReplyWindowClosedException extends PermanentException {

	ReplyWindowClosedException(String message) {
		super(message, null);
	}

}
