package dev.dmbot.nlp;

/**
 * What a model answered for one labelled message: the expected label ({@code oos} for an
 * out-of-scope message), the most probable intent and its probability.
 */
record ScoredMessage(String expected, String text, String predicted, double probability) {

	boolean isOutOfScope() {
		return IntentEvaluator.OUT_OF_SCOPE.equals(this.expected);
	}

	/**
	 * The answer once messages whose best probability is under {@code threshold} are
	 * rejected.
	 */
	String answerAt(double threshold) {
		return (this.probability < threshold) ? IntentEvaluator.OUT_OF_SCOPE : this.predicted;
	}

}
