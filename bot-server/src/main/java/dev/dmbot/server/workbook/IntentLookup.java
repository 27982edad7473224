package dev.dmbot.server.workbook;

/**
 * Where the rules get the intent of a text they did not receive with it: the test rows of
 * a workbook and explanations. Implemented over the intent model outside this package, so
 * the rules know nothing of how intents are found.
 */
@FunctionalInterface
public interface IntentLookup {

	/**
	 * The language and intent of {@code text}, {@code unknown} when the model is not sure
	 * enough.
	 * @param previousLanguage the language of the conversation so far, for a message too
	 * short to tell; null at its start
	 */
	ClassifiedIntent classify(String text, String previousLanguage);

	/** The intent of the first message of a conversation. */
	default ClassifiedIntent classify(String text) {
		return classify(text, null);
	}

	/**
	 * @param name the intent name, as the decision tables write it
	 * @param confidence the model's confidence, 0 to 1
	 * @param language the ISO 639-1 code of the language the text was read in, null when
	 * not known
	 */
	record ClassifiedIntent(String name, double confidence, String language) {

		public ClassifiedIntent(String name, double confidence) {
			this(name, confidence, null);
		}

	}

}
