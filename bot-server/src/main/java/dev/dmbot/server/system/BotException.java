package dev.dmbot.server.system;

/**
 * The root of the server's own exceptions. Callers decide by subtype: a
 * {@link TransientException} is worth a retry (Redis unreachable, Meta answering 5xx or
 * 429), a {@link PermanentException} is not (a broken spreadsheet, a closed messaging
 * window).
 */
public abstract class BotException extends RuntimeException {

	protected BotException(String message, Throwable cause) {
		super(message, cause);
	}

}
