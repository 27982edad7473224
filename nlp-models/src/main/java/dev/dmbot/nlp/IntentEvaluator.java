package dev.dmbot.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.dmbot.nlp.IntentExamples.ExampleLine;

/**
 * Trains on one file, chooses the out-of-scope threshold on a second and measures on a
 * third, so that no figure is ever read off data that chose it.
 * <p>
 * Lines labelled {@value #OUT_OF_SCOPE} in the validation and test files are out of
 * scope: the right answer for them is to reject the message.
 */
final class IntentEvaluator {

	static final String OUT_OF_SCOPE = "oos";

	/** Thresholds tried on the validation file, 0 to 1 in steps of 0.005. */
	private static final int THRESHOLD_STEPS = 200;

	private static final int CONFUSIONS_SHOWN = 15;

	/** The default of {@code --max-accuracy-loss}. */
	static final double DEFAULT_MAX_ACCURACY_LOSS = 0.03;

	private final Function<List<IntentExample>, IntentModel> trainer;

	private final double maxAccuracyLoss;

	/**
	 * @param trainer trains a model on examples
	 * @param maxAccuracyLoss how much in-scope accuracy on the validation file the
	 * threshold may cost, as a fraction (0.03 = 3 points)
	 */
	IntentEvaluator(Function<List<IntentExample>, IntentModel> trainer, double maxAccuracyLoss) {
		if (!(maxAccuracyLoss >= 0 && maxAccuracyLoss <= 1)) {
			throw new IllegalArgumentException("max accuracy loss must be between 0 and 1 but was " + maxAccuracyLoss);
		}
		this.trainer = trainer;
		this.maxAccuracyLoss = maxAccuracyLoss;
	}

	/**
	 * Runs the evaluation; {@code val} may be empty, in which case nothing is rejected
	 * (threshold 0).
	 */
	IntentEvaluation evaluate(List<ExampleLine> train, List<ExampleLine> val, List<ExampleLine> test) {
		Set<String> intents = trainedIntents(train);
		requireKnownIntents(val, intents);
		requireKnownIntents(test, intents);

		long start = System.nanoTime();
		IntentModel model = this.trainer.apply(examplesOf(train));
		double trainSeconds = (System.nanoTime() - start) / 1e9;

		List<ScoredMessage> valScores = score(model, val);
		List<ThresholdPoint> valCurve = curve(valScores);
		boolean valHasOutOfScope = valScores.stream().anyMatch(ScoredMessage::isOutOfScope);
		ThresholdPoint chosen = valHasOutOfScope ? choose(valCurve) : ThresholdPoint.measure(valScores, 0.0);

		List<ScoredMessage> testScores = score(model, test);
		double threshold = chosen.threshold();
		List<IntentScore> perIntent = perIntent(testScores, threshold);
		return new IntentEvaluation(model, train.size(), intents.size(), trainSeconds, valHasOutOfScope,
				this.maxAccuracyLoss, chosen, valCurve, curve(testScores),
				ThresholdPoint.measure(testScores, 0.0).inScopeAccuracy(),
				ThresholdPoint.measure(testScores, threshold), macroF1(perIntent), perIntent,
				confusions(testScores, threshold), testScores);
	}

	/**
	 * The highest threshold whose in-scope accuracy is within the allowed loss of the
	 * accuracy with no threshold: as many out-of-scope messages rejected as the budget of
	 * wrongly rejected in-scope ones allows.
	 */
	private ThresholdPoint choose(List<ThresholdPoint> valCurve) {
		double floor = valCurve.get(0).inScopeAccuracy() - this.maxAccuracyLoss;
		ThresholdPoint chosen = valCurve.get(0);
		for (ThresholdPoint point : valCurve) {
			// Small epsilon: 0.03 below 0.90 must admit 0.87 despite binary fractions.
			if (point.inScopeAccuracy() >= floor - 1e-9) {
				chosen = point;
			}
		}
		return chosen;
	}

	static List<ScoredMessage> score(IntentModel model, List<ExampleLine> lines) {
		List<ScoredMessage> scores = new ArrayList<>(lines.size());
		for (ExampleLine line : lines) {
			Prediction prediction = model.predict(line.example().text());
			scores.add(new ScoredMessage(line.example().label(), line.example().text(), prediction.label(),
					prediction.confidence()));
		}
		return scores;
	}

	/** Rejects training data holding {@code oos} lines, naming the first. */
	static void requireNoOutOfScope(List<ExampleLine> train) {
		for (ExampleLine line : train) {
			if (OUT_OF_SCOPE.equals(line.example().label())) {
				throw new IntentDataException(line.where() + ": training data must not hold '" + OUT_OF_SCOPE
						+ "' lines; out-of-scope messages belong in the --val and --test files only "
						+ "(the model learns the intents, the threshold learns what is none of them)");
			}
		}
	}

	private static Set<String> trainedIntents(List<ExampleLine> train) {
		requireNoOutOfScope(train);
		Set<String> intents = new TreeSet<>();
		for (ExampleLine line : train) {
			intents.add(line.example().label());
		}
		if (intents.size() < 2) {
			throw new IntentDataException(train.get(0).source() + ": found only the intent " + intents
					+ "; a classifier needs examples of at least two intents");
		}
		return intents;
	}

	private static void requireKnownIntents(List<ExampleLine> lines, Set<String> intents) {
		for (ExampleLine line : lines) {
			String label = line.example().label();
			if (!OUT_OF_SCOPE.equals(label) && !intents.contains(label)) {
				throw new IntentDataException(line.where() + ": intent '" + label
						+ "' does not occur in the training file; add examples of it to the training file, "
						+ "or label the line '" + OUT_OF_SCOPE + "' if it is meant to be out of scope");
			}
		}
	}

	private static List<IntentExample> examplesOf(List<ExampleLine> lines) {
		return lines.stream().map(ExampleLine::example).toList();
	}

	private static List<ThresholdPoint> curve(List<ScoredMessage> scores) {
		List<ThresholdPoint> curve = new ArrayList<>(THRESHOLD_STEPS + 1);
		for (int step = 0; step <= THRESHOLD_STEPS; step++) {
			curve.add(ThresholdPoint.measure(scores, (double) step / THRESHOLD_STEPS));
		}
		return curve;
	}

	private static List<IntentScore> perIntent(List<ScoredMessage> scores, double threshold) {
		Map<String, int[]> counts = new TreeMap<>();
		for (ScoredMessage message : scores) {
			if (!message.isOutOfScope()) {
				counts.computeIfAbsent(message.expected(), (label) -> new int[3]);
			}
		}
		// counts[label] = {true positives, answered as label, expected label}
		for (ScoredMessage message : scores) {
			String answer = message.answerAt(threshold);
			if (counts.containsKey(answer)) {
				counts.get(answer)[1]++;
				if (answer.equals(message.expected())) {
					counts.get(answer)[0]++;
				}
			}
			if (counts.containsKey(message.expected())) {
				counts.get(message.expected())[2]++;
			}
		}
		List<IntentScore> perIntent = new ArrayList<>();
		counts.forEach((label, c) -> perIntent.add(IntentScore.of(label, c[0], c[1], c[2])));
		return perIntent;
	}

	private static double macroF1(List<IntentScore> perIntent) {
		return perIntent.stream().mapToDouble(IntentScore::f1).average().orElse(Double.NaN);
	}

	private static List<Confusion> confusions(List<ScoredMessage> scores, double threshold) {
		Map<String, Confusion> byPair = new LinkedHashMap<>();
		for (ScoredMessage message : scores) {
			String answer = message.answerAt(threshold);
			if (!answer.equals(message.expected())) {
				byPair.merge(message.expected() + "\t" + answer,
						new Confusion(message.expected(), answer, 1, message.text()),
						(a, b) -> new Confusion(a.expected(), a.answered(), a.count() + 1, a.example()));
			}
		}
		return byPair.values()
			.stream()
			.sorted(Comparator.comparingInt(Confusion::count)
				.reversed()
				.thenComparing(Confusion::expected)
				.thenComparing(Confusion::answered))
			.limit(CONFUSIONS_SHOWN)
			.toList();
	}

	/** Precision, recall and F1 of one intent on the test file. */
	record IntentScore(String intent, double precision, double recall, double f1, int support) {

		static IntentScore of(String intent, int truePositives, int answered, int expected) {
			double precision = (answered == 0) ? 0 : (double) truePositives / answered;
			double recall = (expected == 0) ? 0 : (double) truePositives / expected;
			double f1 = (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
			return new IntentScore(intent, precision, recall, f1, expected);
		}

	}

	/** Test messages of one intent answered as another ({@code oos} when rejected). */
	record Confusion(String expected, String answered, int count, String example) {
	}

}
