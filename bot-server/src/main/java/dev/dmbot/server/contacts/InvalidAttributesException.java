package dev.dmbot.server.contacts;

import dev.dmbot.server.system.PermanentException;

/**
 * A pushed attribute, or the contact it is for, that cannot be stored; the message names
 * it.
 */
class InvalidAttributesException extends PermanentException {

	InvalidAttributesException(String message) {
		super(message, null);
	}

}
