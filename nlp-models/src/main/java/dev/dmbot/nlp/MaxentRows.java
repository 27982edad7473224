package dev.dmbot.nlp;

import java.util.HashMap;
import java.util.Map;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * A maxent model's parameters as one row per feature over all outcomes, for scoring a
 * message as fast as the per-message budget asks (50 µs with everything else).
 * <p>
 * OpenNLP's {@code eval} walks each feature's outcomes through an index array, which the
 * JIT cannot vectorise; with 77 intents and a hundred and fifty features a message that
 * is most of the classification time. Here a feature's weights are one array indexed by
 * outcome, so the sum is a plain loop. The arithmetic is OpenNLP's: the sum of the
 * message's feature weights per outcome, then the normalised exponential
 * ({@code MaxentRowsTest} checks the two agree). The rows share the model's own arrays
 * where its parameters are already dense (as the quasi-Newton trainer writes them), so
 * nothing is held twice. Instances are immutable and safe to share between threads.
 */
final class MaxentRows {

	private final int outcomes;

	private final Map<String, double[]> rows;

	MaxentRows(AbstractModel model) {
		this.outcomes = model.getNumOutcomes();
		@SuppressWarnings("unchecked")
		Map<String, Context> parameters = (Map<String, Context>) model.getDataStructures()[1];
		this.rows = new HashMap<>(parameters.size() * 2);
		parameters.forEach((feature, context) -> this.rows.put(feature, row(context)));
	}

	private double[] row(Context context) {
		int[] outcomeIndexes = context.getOutcomes();
		double[] parameters = context.getParameters();
		if (isDense(outcomeIndexes)) {
			return parameters;
		}
		double[] row = new double[this.outcomes];
		for (int i = 0; i < outcomeIndexes.length; i++) {
			row[outcomeIndexes[i]] = parameters[i];
		}
		return row;
	}

	private boolean isDense(int[] outcomeIndexes) {
		if (outcomeIndexes.length != this.outcomes) {
			return false;
		}
		for (int i = 0; i < outcomeIndexes.length; i++) {
			if (outcomeIndexes[i] != i) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns each outcome's score: the sum of the message's feature weights, in the
	 * model's outcome order. {@link #normalise} turns scores into probabilities.
	 */
	double[] scores(String[] features) {
		double[] scores = new double[this.outcomes];
		for (String feature : features) {
			double[] row = this.rows.get(feature);
			if (row != null) {
				for (int i = 0; i < scores.length; i++) {
					scores[i] += row[i];
				}
			}
		}
		return scores;
	}

	/** Turns scores, in place, into probabilities (the normalised exponential). */
	static void normalise(double[] scores) {
		double max = Double.NEGATIVE_INFINITY;
		for (double score : scores) {
			max = Math.max(max, score);
		}
		double sum = 0;
		for (int i = 0; i < scores.length; i++) {
			scores[i] = Math.exp(scores[i] - max);
			sum += scores[i];
		}
		for (int i = 0; i < scores.length; i++) {
			scores[i] /= sum;
		}
	}

}
