package dev.dmbot.server.nlp;

import java.util.Objects;

/**
 * What a customer's message asks for, as far as the classifier can tell.
 *
 * @param name an intent of the training data (for example {@code shipping}), or
 * {@link #UNKNOWN} when the classifier is not confident enough
 * @param confidence the classifier's probability for its best intent, between 0 and 1;
 * kept for unknown intents so that logs and rules can see how close the call was
 */
public record Intent(String name, double confidence) {

	/** The name of the intent given to messages the classifier cannot place. */
	public static final String UNKNOWN = "unknown";

	public Intent {
		Objects.requireNonNull(name, "name must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("intent name must not be blank");
		}
		if (!(confidence >= 0.0 && confidence <= 1.0)) {
			throw new IllegalArgumentException("intent confidence must be between 0 and 1 but was " + confidence);
		}
	}

	/**
	 * Returns the unknown intent with the confidence the classifier had in its best
	 * guess.
	 */
	public static Intent unknown(double confidence) {
		return new Intent(UNKNOWN, confidence);
	}

	public boolean isUnknown() {
		return UNKNOWN.equals(this.name);
	}

}
