package dev.dmbot.server.rules;

/**
 * Where the rules get the intent of a text they did not receive with it: the test rows of
 * a workbook and explanations. Implemented over the intent model outside this package, so
 * the rules know nothing of how intents are found.
 */
@FunctionalInterface
public interface IntentLookup {

	/** The intent of {@code text}, {@code unknown} when the model is not sure enough. */
	ClassifiedIntent classify(String text);

	/**
	 * @param name the intent name, as the decision tables write it
	 * @param confidence the model's confidence, 0 to 1
	 */
	record ClassifiedIntent(String name, double confidence) {
	}

}
