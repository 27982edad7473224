package dev.dmbot.server.webhook;

import dev.dmbot.server.system.PermanentException;

/** A signed delivery whose body is not the JSON Meta sends; answered with 400. */
class MalformedPayloadException extends PermanentException {

	MalformedPayloadException(String message, Throwable cause) {
		super(message, cause);
	}

}
