package dev.dmbot.server.attribution;

import dev.dmbot.server.system.PermanentException;

/** A conversion report that cannot be recorded as sent; the message says which field. */
class InvalidConversionException extends PermanentException {

	InvalidConversionException(String message) {
		super(message, null);
	}

}
