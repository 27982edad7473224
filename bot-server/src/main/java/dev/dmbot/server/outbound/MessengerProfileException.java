package dev.dmbot.server.outbound;

import dev.dmbot.server.system.BotException;

/**
 * Meta's Messenger Profile API did not accept the ice breakers and menu; {@link #error()}
 * says why and whether to retry.
 */
class MessengerProfileException extends BotException {

	private final MetaError error;

	MessengerProfileException(MetaError error, Throwable cause) {
		super("Meta refused the ice breakers and menu: " + error.describe(), cause);
		this.error = error;
	}

	MetaError error() {
		return this.error;
	}

}
