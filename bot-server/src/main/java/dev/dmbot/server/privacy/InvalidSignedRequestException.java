package dev.dmbot.server.privacy;

import dev.dmbot.server.system.PermanentException;

/**
 * A data-deletion request that is not Meta's: malformed (400) or wrongly signed (403).
 * The message never quotes the request or a secret.
 */
class InvalidSignedRequestException extends PermanentException {

	private final boolean forged;

	InvalidSignedRequestException(boolean forged, String message) {
		super(message, null);
		this.forged = forged;
	}

	/** Well formed, but not signed with an accepted app secret. */
	boolean forged() {
		return this.forged;
	}

}
