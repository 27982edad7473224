package dev.dmbot.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.dmbot.nlp.IntentExamples.ExampleLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression guard on the public Banking77 benchmark, run by {@code ./mvnw verify}: the
 * out-of-scope evaluation of {@code nlp-models evaluate} (67 intents trained, 10 held out
 * as {@code oos}, threshold chosen on the validation split), trained once for the class.
 * <p>
 * The floors sit a few points under the figures measured when they were set (see
 * BENCHMARKS.md, "Intent classification (Banking77)"), so a change to the features or the
 * trainer that costs accuracy fails the build while harmless noise does not. The full
 * 77-intent closed-set figure is measured with the same command but not here: training on
 * all of Banking77 a second time would double the run time of the build.
 */
class Banking77RegressionTest {

	private static final Path DATA = Path.of("data/banking77");

	// Measured 0.923 (67 intents), in-scope 0.894 and oos recall 0.348 at the threshold
	// chosen on oos-val.tsv (0.26); oos recall rests on 400 test lines, so its floor is
	// wider.
	private static final double CLOSED_SET_ACCURACY_FLOOR = 0.90;

	private static final double IN_SCOPE_ACCURACY_FLOOR = 0.86;

	private static final double OOS_RECALL_FLOOR = 0.30;

	private static List<ExampleLine> test;

	private static IntentEvaluation evaluation;

	@BeforeAll
	static void evaluateOnBanking77() {
		test = IntentExamples.readLines(DATA.resolve("oos-test.tsv"));
		evaluation = new IntentEvaluator((examples) -> new IntentModelTrainer().train(examples),
				IntentEvaluator.DEFAULT_MAX_ACCURACY_LOSS)
			.evaluate(IntentExamples.readLines(DATA.resolve("oos-train.tsv")),
					IntentExamples.readLines(DATA.resolve("oos-val.tsv")), test);
		System.out.println("Banking77 out-of-scope evaluation: " + EvaluationReport.json(evaluation, Double.NaN));
	}

	@Test
	void closedSetAccuracyStaysAboveTheFloor() {
		assertThat(evaluation.closedSetAccuracy()).isGreaterThanOrEqualTo(CLOSED_SET_ACCURACY_FLOOR);
	}

	@Test
	void outOfScopeMessagesAreRejectedWhileInScopeOnesKeepTheirIntent() {
		assertThat(evaluation.test().oosRecall()).isGreaterThanOrEqualTo(OOS_RECALL_FLOOR);
		assertThat(evaluation.test().inScopeAccuracy()).isGreaterThanOrEqualTo(IN_SCOPE_ACCURACY_FLOOR);
	}

	@Test
	void reloadedModelGivesTheSamePredictionsAndTheSameAccuracy() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		evaluation.model().writeTo(bytes);
		IntentModel reloaded = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));

		List<ScoredMessage> reloadedScores = IntentEvaluator.score(reloaded, test);
		assertThat(reloadedScores).isEqualTo(evaluation.testScores());
		assertThat(ThresholdPoint.measure(reloadedScores, evaluation.threshold())).isEqualTo(evaluation.test());
		assertThat(ThresholdPoint.measure(reloadedScores, 0.0).inScopeAccuracy())
			.isEqualTo(evaluation.closedSetAccuracy());
	}

}
