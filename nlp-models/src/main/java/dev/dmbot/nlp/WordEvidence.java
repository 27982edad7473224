package dev.dmbot.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the training examples' words say beyond the maxent parameters, used twice when a
 * model predicts.
 * <ul>
 * <li><b>Label.</b> Two more experts multiply the maxent probabilities: the examples'
 * word likelihoods ({@code Π P(word | intent)^0.3}, a naive-Bayes expert that weighs
 * every word the way a model trained to separate intents does not) and the closeness of
 * the nearest example of each intent ({@code exp(4 × cosine)}, see
 * {@link NearestExamples}). Together they add about one point of accuracy on
 * Banking77.</li>
 * <li><b>Confidence.</b> A question about something the model was never taught ("can I
 * use Apple Pay?") gets a confident answer when it shares most of its words with a known
 * intent; it usually also holds a word that other intents' examples use and the chosen
 * intent's never do. The confidence is the maxent model's probability for the chosen
 * intent times {@code exp(0.2 × r)}, where {@code r} is the smallest log ratio of a
 * word's frequency in the chosen intent's examples to its frequency in all examples, when
 * below zero. (Not the three experts' probability: multiplying evidence makes them sure
 * of themselves on short messages.)</li>
 * </ul>
 * Words are the Porter stems of tokens starting with a letter; a word no training example
 * holds (a typo, a name) is no evidence either way. The weights were chosen on the
 * Banking77 validation split, never on its test split; see BENCHMARKS.md. Instances are
 * immutable and safe to share between threads.
 */
final class WordEvidence {

	private static final double LIKELIHOOD_WEIGHT = 0.3;

	private static final double NEAREST_EXAMPLE_WEIGHT = 4.0;

	private static final double UNFAMILIAR_WORD_WEIGHT = 0.2;

	private static final double SMOOTHING = 0.1;

	private final List<TrainingWords.Example> examples;

	/**
	 * Per word, {@code log P(word | outcome)} in the model's outcome order. Floats: a
	 * message reads a row per word, and half the bytes is what makes that fast.
	 */
	private final Map<String, float[]> logLikelihoods = new HashMap<>();

	/** Per word, {@code log P(word)} over all examples. */
	private final Map<String, Double> logFrequencies = new HashMap<>();

	private final NearestExamples nearest;

	WordEvidence(List<TrainingWords.Example> examples, String[] outcomes) {
		this.examples = List.copyOf(examples);
		Map<String, Integer> outcomeIndex = new HashMap<>();
		for (int i = 0; i < outcomes.length; i++) {
			outcomeIndex.put(outcomes[i], i);
		}
		Map<String, int[]> counts = new HashMap<>();
		long[] wordsByOutcome = new long[outcomes.length];
		long allWords = 0;
		for (TrainingWords.Example example : examples) {
			Integer outcome = outcomeIndex.get(example.label());
			for (String word : example.words()) {
				int[] byOutcome = counts.computeIfAbsent(word, (w) -> new int[outcomes.length + 1]);
				byOutcome[outcomes.length]++;
				allWords++;
				if (outcome != null) {
					byOutcome[outcome]++;
					wordsByOutcome[outcome]++;
				}
			}
		}
		double vocabulary = counts.size();
		counts.forEach((word, byOutcome) -> {
			float[] logLikelihood = new float[outcomes.length];
			for (int i = 0; i < outcomes.length; i++) {
				logLikelihood[i] = (float) Math
					.log((byOutcome[i] + SMOOTHING) / (wordsByOutcome[i] + SMOOTHING * vocabulary));
			}
			this.logLikelihoods.put(word, logLikelihood);
		});
		double all = allWords;
		counts.forEach((word, byOutcome) -> this.logFrequencies.put(word,
				Math.log((byOutcome[outcomes.length] + SMOOTHING) / (all + SMOOTHING * vocabulary))));
		this.nearest = new NearestExamples(examples, outcomeIndex);
	}

	List<TrainingWords.Example> examples() {
		return this.examples;
	}

	/**
	 * Adds the two experts' log evidence to the maxent scores, in place: the scores'
	 * normalised exponential is then the product of the three experts' probabilities.
	 * Leaves the scores as they are when the message holds no word of the training
	 * examples.
	 */
	void addTo(double[] scores, List<String> words) {
		double[] logLikelihoods = new double[scores.length];
		boolean anyKnown = false;
		for (String word : words) {
			float[] logLikelihood = this.logLikelihoods.get(word);
			if (logLikelihood != null) {
				anyKnown = true;
				for (int i = 0; i < logLikelihoods.length; i++) {
					logLikelihoods[i] += logLikelihood[i];
				}
			}
		}
		if (!anyKnown) {
			return;
		}
		double[] closest = this.nearest.closestSimilarities(words, scores.length);
		for (int i = 0; i < scores.length; i++) {
			scores[i] += LIKELIHOOD_WEIGHT * logLikelihoods[i] + NEAREST_EXAMPLE_WEIGHT * closest[i];
		}
	}

	/**
	 * Returns {@code probability} lowered by the message's word least familiar to the
	 * outcome's examples; unchanged when every known word is at least as frequent there
	 * as overall.
	 */
	double confidence(int outcome, double probability, List<String> words) {
		double worst = 0;
		for (String word : words) {
			float[] logLikelihood = this.logLikelihoods.get(word);
			if (logLikelihood != null) {
				worst = Math.min(worst, logLikelihood[outcome] - this.logFrequencies.get(word));
			}
		}
		return probability * Math.exp(UNFAMILIAR_WORD_WEIGHT * worst);
	}

}
