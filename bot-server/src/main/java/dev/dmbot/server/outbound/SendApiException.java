package dev.dmbot.server.outbound;

import dev.dmbot.server.system.BotException;

/** The Send API did not accept a call; {@link #error()} says why and whether to retry. */
class SendApiException extends BotException {

	private final MetaError error;

	SendApiException(MetaError error, Throwable cause) {
		super("Meta Send API refused the message: " + error.describe(), cause);
		this.error = error;
	}

	MetaError error() {
		return this.error;
	}

}
