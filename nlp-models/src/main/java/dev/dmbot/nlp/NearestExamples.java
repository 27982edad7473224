package dev.dmbot.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The training examples as tf-idf word vectors, to find how close a message comes to the
 * closest example of each intent (cosine similarity, 0 to 1).
 * <p>
 * Customers ask the same things in the same words: a message that nearly repeats a
 * training example is strong evidence for that example's intent, stronger than the sum of
 * its words' weights in a linear model. The vectors are kept as postings (word → examples
 * holding it), so a message only touches the examples that share a word with it. Words in
 * more than one example in twenty ("my", "card" in a bank's data) count in a vector's
 * length but have no postings: they are what makes a lookup slow, and they tell intents
 * apart least. Instances are safe to share between threads.
 */
final class NearestExamples {

	private static final double COMMON_WORD_SHARE = 0.05;

	private final int examples;

	private final int[] outcomeOfExample;

	private final Map<String, Double> inverseFrequencies;

	private final Map<String, int[]> exampleIdsByWord;

	private final Map<String, float[]> weightsByWord;

	// Scratch arrays as long as the examples, reused between messages: allocating and
	// clearing them for each message cost more than the lookup itself. A queue rather
	// than a ThreadLocal, because the server classifies on short-lived virtual threads.
	private final Queue<Scratch> scratches = new ConcurrentLinkedQueue<>();

	NearestExamples(List<TrainingWords.Example> examples, Map<String, Integer> outcomeIndex) {
		this.examples = examples.size();
		this.outcomeOfExample = new int[examples.size()];
		Map<String, Integer> documentFrequencies = new HashMap<>();
		for (TrainingWords.Example example : examples) {
			for (String word : counts(example.words()).keySet()) {
				documentFrequencies.merge(word, 1, Integer::sum);
			}
		}
		this.inverseFrequencies = new HashMap<>(documentFrequencies.size() * 2);
		documentFrequencies.forEach(
				(word, frequency) -> this.inverseFrequencies.put(word, Math.log((double) examples.size() / frequency)));

		Map<String, int[]> ids = new HashMap<>();
		Map<String, float[]> weights = new HashMap<>();
		Map<String, Integer> filled = new HashMap<>();
		documentFrequencies.forEach((word, frequency) -> {
			if (frequency <= COMMON_WORD_SHARE * examples.size()) {
				ids.put(word, new int[frequency]);
				weights.put(word, new float[frequency]);
			}
		});
		for (int i = 0; i < examples.size(); i++) {
			TrainingWords.Example example = examples.get(i);
			this.outcomeOfExample[i] = outcomeIndex.getOrDefault(example.label(), -1);
			for (Map.Entry<String, Double> entry : vector(example.words()).entrySet()) {
				if (!ids.containsKey(entry.getKey())) {
					continue;
				}
				int slot = filled.merge(entry.getKey(), 1, Integer::sum) - 1;
				ids.get(entry.getKey())[slot] = i;
				weights.get(entry.getKey())[slot] = entry.getValue().floatValue();
			}
		}
		this.exampleIdsByWord = ids;
		this.weightsByWord = weights;
	}

	/**
	 * Returns, per outcome, the cosine similarity of the message's words to the closest
	 * training example of that outcome (0 when no example shares a word).
	 */
	double[] closestSimilarities(List<String> words, int outcomes) {
		double[] closest = new double[outcomes];
		Map<String, Double> query = vector(words);
		if (query.isEmpty()) {
			return closest;
		}
		Scratch scratch = this.scratches.poll();
		if (scratch == null) {
			scratch = new Scratch(new float[this.examples], new int[this.examples]);
		}
		float[] dots = scratch.dots();
		int[] touched = scratch.touched();
		int touchedCount = 0;
		for (Map.Entry<String, Double> entry : query.entrySet()) {
			int[] ids = this.exampleIdsByWord.get(entry.getKey());
			if (ids == null) {
				continue;
			}
			float[] weights = this.weightsByWord.get(entry.getKey());
			float weight = entry.getValue().floatValue();
			for (int i = 0; i < ids.length; i++) {
				if (dots[ids[i]] == 0) {
					touched[touchedCount++] = ids[i];
				}
				dots[ids[i]] += weight * weights[i];
			}
		}
		for (int t = 0; t < touchedCount; t++) {
			int example = touched[t];
			int outcome = this.outcomeOfExample[example];
			if (outcome >= 0 && dots[example] > closest[outcome]) {
				closest[outcome] = dots[example];
			}
			dots[example] = 0;
		}
		this.scratches.offer(scratch);
		return closest;
	}

	/**
	 * The unit-length tf-idf vector of some words, with sublinear term frequency; words
	 * the training examples never hold are left out.
	 */
	private Map<String, Double> vector(List<String> words) {
		Map<String, Double> vector = new HashMap<>();
		double norm = 0;
		for (Map.Entry<String, Integer> count : counts(words).entrySet()) {
			Double inverseFrequency = this.inverseFrequencies.get(count.getKey());
			if (inverseFrequency != null && inverseFrequency > 0) {
				double weight = (1 + Math.log(count.getValue())) * inverseFrequency;
				vector.put(count.getKey(), weight);
				norm += weight * weight;
			}
		}
		double length = Math.sqrt(norm);
		vector.replaceAll((word, weight) -> weight / length);
		return vector;
	}

	private record Scratch(float[] dots, int[] touched) {
	}

	private static Map<String, Integer> counts(List<String> words) {
		Map<String, Integer> counts = new HashMap<>();
		for (String word : words) {
			counts.merge(word, 1, Integer::sum);
		}
		return counts;
	}

}
