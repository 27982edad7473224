package dev.dmbot.nlp;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.dmbot.nlp.IntentEvaluator.Confusion;
import dev.dmbot.nlp.IntentEvaluator.IntentScore;

/**
 * Prints an {@link IntentEvaluation} for a person, then, as the last line, one JSON
 * object for scripts and CI.
 */
final class EvaluationReport {

	/** Thresholds shown in the trade-off table, besides the chosen one. */
	private static final double[] SHOWN_THRESHOLDS = { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };

	private EvaluationReport() {
	}

	static void print(IntentEvaluation evaluation, double medianMicros, BaselineFigures baseline, PrintWriter out) {
		out.printf(Locale.ROOT, "Trained on %d examples of %d intents in %.1f s.%n%n", evaluation.trainExamples(),
				evaluation.intents(), evaluation.trainSeconds());
		printPerIntent(evaluation, out);
		printConfusions(evaluation, out);
		printTradeOff(evaluation, out);
		out.printf(Locale.ROOT,
				"%nTest: closed-set accuracy %s, in-scope accuracy %s, macro F1 %s, "
						+ "oos recall %s, oos precision %s at threshold %.3f; %.1f us median per message.%n",
				percent(evaluation.closedSetAccuracy()), percent(evaluation.test().inScopeAccuracy()),
				percent(evaluation.macroF1()), percent(evaluation.test().oosRecall()),
				percent(evaluation.test().oosPrecision()), evaluation.threshold(), medianMicros);
		if (baseline != null) {
			out.printf(Locale.ROOT,
					"Baseline (OpenNLP document categorizer, defaults): closed-set accuracy %s, "
							+ "trained in %.1f s, %.1f us median per message.%n",
					percent(baseline.closedSetAccuracy()), baseline.trainSeconds(), baseline.medianMicros());
		}
		out.println(json(evaluation, medianMicros, baseline));
		out.flush();
	}

	static String json(IntentEvaluation evaluation, double medianMicros) {
		return json(evaluation, medianMicros, null);
	}

	static String json(IntentEvaluation evaluation, double medianMicros, BaselineFigures baseline) {
		String baselineFields = (baseline == null) ? ""
				: "," + field("baseline_closed_set_accuracy", baseline.closedSetAccuracy()) + ","
						+ field("baseline_train_seconds", baseline.trainSeconds()) + ","
						+ field("baseline_median_us_per_message", baseline.medianMicros());
		return "{" + field("in_scope_accuracy", evaluation.test().inScopeAccuracy()) + ","
				+ field("closed_set_accuracy", evaluation.closedSetAccuracy()) + ","
				+ field("macro_f1", evaluation.macroF1()) + "," + field("oos_recall", evaluation.test().oosRecall())
				+ "," + field("oos_precision", evaluation.test().oosPrecision()) + ","
				+ field("threshold", evaluation.threshold()) + ","
				+ field("val_in_scope_accuracy", evaluation.chosen().inScopeAccuracy()) + ","
				+ field("val_oos_recall", evaluation.chosen().oosRecall()) + ","
				+ field("train_examples", evaluation.trainExamples()) + "," + field("intents", evaluation.intents())
				+ "," + field("test_examples", evaluation.testScores().size()) + ","
				+ field("train_seconds", evaluation.trainSeconds()) + "," + field("median_us_per_message", medianMicros)
				+ "}";
	}

	private static void printPerIntent(IntentEvaluation evaluation, PrintWriter out) {
		out.printf(Locale.ROOT, "Per intent on the test file, worst F1 first (threshold %.3f applied):%n",
				evaluation.threshold());
		out.printf(Locale.ROOT, "  %-42s %9s %7s %7s %8s%n", "intent", "precision", "recall", "F1", "messages");
		evaluation.perIntent()
			.stream()
			.sorted(Comparator.comparingDouble(IntentScore::f1).thenComparing(IntentScore::intent))
			.forEach((score) -> out.printf(Locale.ROOT, "  %-42s %9s %7s %7s %8d%n", score.intent(),
					percent(score.precision()), percent(score.recall()), percent(score.f1()), score.support()));
	}

	private static void printConfusions(IntentEvaluation evaluation, PrintWriter out) {
		List<Confusion> confusions = evaluation.confusions();
		out.printf("%nWorst confusions on the test file (expected -> answered, oos = rejected):%n");
		if (confusions.isEmpty()) {
			out.println("  none");
		}
		for (Confusion confusion : confusions) {
			out.printf(Locale.ROOT, "  %4d  %s -> %s   e.g. \"%s\"%n", confusion.count(), confusion.expected(),
					confusion.answered(), confusion.example());
		}
	}

	private static void printTradeOff(IntentEvaluation evaluation, PrintWriter out) {
		out.printf(
				"%nThreshold trade-off: a message whose best intent scores under the threshold is rejected (oos).%n");
		if (!evaluation.thresholdChosen()) {
			out.println("  The validation file has no oos lines, so nothing is rejected (threshold 0).");
			return;
		}
		out.printf(Locale.ROOT,
				"  Chosen on the validation file: the highest threshold that costs at most %.1f points of "
						+ "in-scope accuracy there.%n  Test columns are for reading only.%n",
				evaluation.maxAccuracyLoss() * 100);
		out.printf("  %9s | %14s %10s | %14s %10s %13s%n", "threshold", "val in-scope", "val oos rec", "test in-scope",
				"test oos rec", "test oos prec");
		for (int i = 0; i < evaluation.valCurve().size(); i++) {
			ThresholdPoint val = evaluation.valCurve().get(i);
			ThresholdPoint test = evaluation.testCurve().get(i);
			boolean chosen = val.threshold() == evaluation.threshold();
			if (chosen || isShown(val.threshold())) {
				out.printf(Locale.ROOT, "  %9.3f | %14s %10s | %14s %10s %13s%s%n", val.threshold(),
						percent(val.inScopeAccuracy()), percent(val.oosRecall()), percent(test.inScopeAccuracy()),
						percent(test.oosRecall()), percent(test.oosPrecision()), chosen ? "   <- chosen" : "");
			}
		}
	}

	private static boolean isShown(double threshold) {
		for (double shown : SHOWN_THRESHOLDS) {
			if (Math.abs(shown - threshold) < 1e-9) {
				return true;
			}
		}
		return false;
	}

	private static String percent(double ratio) {
		return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
	}

	private static String field(String name, double value) {
		// JSON has no NaN: a figure that does not apply (no oos lines) is null.
		return "\"" + name + "\":" + (Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.4f", value));
	}

	private static String field(String name, int value) {
		return "\"" + name + "\":" + value;
	}

}
