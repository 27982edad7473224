package dev.dmbot.nlp;

import java.util.Objects;

/** One labelled customer message from the training data. */
public record IntentExample(String label, String text) {

	public IntentExample {
		Objects.requireNonNull(label, "label must not be null");
		Objects.requireNonNull(text, "text must not be null");
	}

}
