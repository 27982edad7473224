package dev.dmbot.nlp;

import java.util.List;

/**
 * The out-of-scope trade-off at one confidence threshold: messages whose best intent
 * scores under the threshold are answered {@code oos}.
 *
 * @param threshold the confidence threshold
 * @param inScopeAccuracy share of in-scope messages given their intent (a rejected one
 * counts as wrong)
 * @param oosRecall share of out-of-scope messages rejected; NaN when there are none
 * @param oosPrecision share of rejected messages that were out of scope; NaN when none is
 * rejected
 */
record ThresholdPoint(double threshold, double inScopeAccuracy, double oosRecall, double oosPrecision) {

	static ThresholdPoint measure(List<ScoredMessage> messages, double threshold) {
		int inScope = 0;
		int inScopeCorrect = 0;
		int outOfScope = 0;
		int rejected = 0;
		int rejectedOutOfScope = 0;
		for (ScoredMessage message : messages) {
			boolean reject = message.confidence() < threshold;
			if (reject) {
				rejected++;
			}
			if (message.isOutOfScope()) {
				outOfScope++;
				if (reject) {
					rejectedOutOfScope++;
				}
			}
			else {
				inScope++;
				if (!reject && message.predicted().equals(message.expected())) {
					inScopeCorrect++;
				}
			}
		}
		return new ThresholdPoint(threshold, ratio(inScopeCorrect, inScope), ratio(rejectedOutOfScope, outOfScope),
				ratio(rejectedOutOfScope, rejected));
	}

	private static double ratio(int part, int whole) {
		return (whole == 0) ? Double.NaN : (double) part / whole;
	}

}
