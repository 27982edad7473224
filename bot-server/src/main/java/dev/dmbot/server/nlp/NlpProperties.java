package dev.dmbot.server.nlp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of intent classification ({@code bot.nlp.*}).
 *
 * @param confidenceThreshold the probability the best intent needs to be acted on; below
 * it the message is {@code unknown}. 0.40 is chosen from held-out data: it keeps about
 * 91% of correct answers and turns half of the wrong ones into {@code unknown}, while
 * gibberish scores under 0.15.
 * @param modelPath a model file to use instead of the one built into the nlp-models jar;
 * null or blank for the built-in model
 */
@ConfigurationProperties("bot.nlp")
public record NlpProperties(@DefaultValue(NlpProperties.DEFAULT_CONFIDENCE_THRESHOLD) double confidenceThreshold,
		String modelPath) {

	static final String DEFAULT_CONFIDENCE_THRESHOLD = "0.40";

	public NlpProperties {
		// Written as a negated range so NaN is rejected too.
		if (!(confidenceThreshold >= 0.0 && confidenceThreshold <= 1.0)) {
			throw new IllegalArgumentException(
					"bot.nlp.confidence-threshold must be between 0 and 1 but was " + confidenceThreshold);
		}
		if (modelPath != null && modelPath.isBlank()) {
			modelPath = null;
		}
	}

	/** The settings used when nothing is configured. */
	public static NlpProperties defaults() {
		return new NlpProperties(Double.parseDouble(DEFAULT_CONFIDENCE_THRESHOLD), null);
	}

}
