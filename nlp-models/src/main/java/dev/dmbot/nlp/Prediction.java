package dev.dmbot.nlp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The intent model's answer for one message: the most probable label, its probability,
 * and the probability of every label, most probable first.
 */
public record Prediction(String label, double probability, Map<String, Double> distribution) {

	public Prediction {
		Objects.requireNonNull(label, "label must not be null");
		distribution = Collections.unmodifiableMap(new LinkedHashMap<>(distribution));
	}

}
