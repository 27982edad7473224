package dev.dmbot.nlp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The intent model's answer for one message: the most probable label, its probability,
 * the probability of every label (most probable first) and the confidence to compare with
 * a threshold: the maxent model's probability for the label, lowered when the message
 * holds a word that the label's training examples never use but other labels' do (see
 * {@link WordEvidence}).
 */
public record Prediction(String label, double probability, Map<String, Double> distribution, double confidence) {

	public Prediction {
		Objects.requireNonNull(label, "label must not be null");
		distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
	}

}
