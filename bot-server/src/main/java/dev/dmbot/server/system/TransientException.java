package dev.dmbot.server.system;

/** A failure that may go away by itself: retry later. */
public class TransientException extends BotException {

	public TransientException(String message, Throwable cause) {
		super(message, cause);
	}

}
