package dev.dmbot.nlp;

/**
 * Thrown when the intent training data cannot be used; the message names the file, the
 * line and the problem.
 */
public class IntentDataException extends RuntimeException {

	public IntentDataException(String message) {
		super(message);
	}

}
