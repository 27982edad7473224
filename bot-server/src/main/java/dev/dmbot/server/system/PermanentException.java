package dev.dmbot.server.system;

/** A failure that a retry cannot fix: report it and move on. */
public class PermanentException extends BotException {

	public PermanentException(String message, Throwable cause) {
		super(message, cause);
	}

}
