package dev.dmbot.server.intake;

import dev.dmbot.server.system.TransientException;

/**
 * Redis could not take the events; the webhook answers 503 so that Meta delivers them
 * again.
 */
public class StorageUnavailableException extends TransientException {

	StorageUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
