package dev.dmbot.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A stratified train/test split of the intent data, the same on every run for a given
 * seed.
 */
record HeldOutSplit(List<IntentExample> training, List<IntentExample> heldOut) {

	static HeldOutSplit stratified(List<IntentExample> examples, double heldOutShare, long seed) {
		Map<String, List<IntentExample>> byLabel = new LinkedHashMap<>();
		for (IntentExample example : examples) {
			byLabel.computeIfAbsent(example.label(), (label) -> new ArrayList<>()).add(example);
		}
		Random random = new Random(seed);
		List<IntentExample> training = new ArrayList<>();
		List<IntentExample> heldOut = new ArrayList<>();
		for (List<IntentExample> group : byLabel.values()) {
			List<IntentExample> shuffled = new ArrayList<>(group);
			Collections.shuffle(shuffled, random);
			int heldOutCount = (int) Math.round(shuffled.size() * heldOutShare);
			heldOut.addAll(shuffled.subList(0, heldOutCount));
			training.addAll(shuffled.subList(heldOutCount, shuffled.size()));
		}
		return new HeldOutSplit(List.copyOf(training), List.copyOf(heldOut));
	}

	static double accuracy(IntentModel model, List<IntentExample> examples) {
		long correct = examples.stream()
			.filter((example) -> model.predict(example.text()).label().equals(example.label()))
			.count();
		return (double) correct / examples.size();
	}

}
