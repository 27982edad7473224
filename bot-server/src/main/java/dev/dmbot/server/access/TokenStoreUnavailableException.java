package dev.dmbot.server.access;

import dev.dmbot.server.system.TransientException;

/** Redis could not be asked about a token; the caller gets 503 and may try again. */
class TokenStoreUnavailableException extends TransientException {

	TokenStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
