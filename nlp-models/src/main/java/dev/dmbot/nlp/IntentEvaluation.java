package dev.dmbot.nlp;

import java.util.List;

import dev.dmbot.nlp.IntentEvaluator.Confusion;
import dev.dmbot.nlp.IntentEvaluator.IntentScore;

/**
 * The figures of one {@link IntentEvaluator} run.
 *
 * @param model the model trained on the training file
 * @param trainExamples number of training examples
 * @param intents number of intents trained
 * @param trainSeconds wall-clock training time
 * @param thresholdChosen whether the validation file had out-of-scope lines to choose a
 * threshold with (otherwise the threshold is 0)
 * @param maxAccuracyLoss the in-scope accuracy the threshold was allowed to cost on the
 * validation file
 * @param chosen the threshold and its trade-off on the validation file
 * @param valCurve the trade-off on the validation file at every threshold tried
 * @param testCurve the same on the test file, for the report only
 * @param closedSetAccuracy share of in-scope test messages whose most probable intent is
 * right, with no threshold
 * @param test the trade-off on the test file at the chosen threshold
 * @param macroF1 mean F1 over the test file's intents at the chosen threshold
 * @param perIntent precision and recall of each intent at the chosen threshold
 * @param confusions the most frequent wrong answers at the chosen threshold
 * @param testScores the model's answer for every test message
 */
record IntentEvaluation(IntentModel model, int trainExamples, int intents, double trainSeconds, boolean thresholdChosen,
		double maxAccuracyLoss, ThresholdPoint chosen, List<ThresholdPoint> valCurve, List<ThresholdPoint> testCurve,
		double closedSetAccuracy, ThresholdPoint test, double macroF1, List<IntentScore> perIntent,
		List<Confusion> confusions, List<ScoredMessage> testScores) {

	double threshold() {
		return this.chosen.threshold();
	}

}
