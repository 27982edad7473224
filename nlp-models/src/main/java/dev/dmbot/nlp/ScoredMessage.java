package dev.dmbot.nlp;

/**
 * What a model answered for one labelled message: the expected label ({@code oos} for an
 * out-of-scope message), the most probable intent and the model's confidence in it.
 */
record ScoredMessage(String expected, String text, String predicted, double confidence) {

	boolean isOutOfScope() {
		return IntentEvaluator.OUT_OF_SCOPE.equals(this.expected);
	}

	/**
	 * The answer once messages whose confidence is under {@code threshold} are rejected.
	 */
	String answerAt(double threshold) {
		return (this.confidence < threshold) ? IntentEvaluator.OUT_OF_SCOPE : this.predicted;
	}

}
