package dev.dmbot.server.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.dmbot.nlp.IntentModel;
import dev.dmbot.nlp.Prediction;

import org.springframework.stereotype.Component;

/**
 * Tells which intent a customer's message expresses, using the intent model built by the
 * nlp-models module.
 * <p>
 * The model is loaded once, when the classifier is created, so a missing or unreadable
 * model stops the server at start-up rather than at the first message. Thread-safe.
 */
@Component
public class IntentClassifier {

	static final String BUILT_IN_MODEL = "/dev/dmbot/nlp/intent-model.bin";

	private final IntentModel model;

	private final double confidenceThreshold;

	public IntentClassifier(NlpProperties properties) {
		this.model = loadModel(properties.modelPath());
		this.confidenceThreshold = properties.confidenceThreshold();
	}

	/**
	 * Returns the intent of {@code text}; {@link Intent#UNKNOWN} with confidence 0 for
	 * null or blank text, and {@link Intent#UNKNOWN} with the best intent's confidence
	 * when that is below the threshold.
	 */
	public Intent classify(String text) {
		if (text == null || text.isBlank()) {
			return Intent.unknown(0.0);
		}
		Prediction prediction = this.model.predict(text);
		if (prediction.probability() < this.confidenceThreshold) {
			return Intent.unknown(prediction.probability());
		}
		return new Intent(prediction.label(), prediction.probability());
	}

	private static IntentModel loadModel(String modelPath) {
		if (modelPath == null) {
			try (InputStream in = IntentClassifier.class.getResourceAsStream(BUILT_IN_MODEL)) {
				if (in == null) {
					throw new IllegalStateException("Intent model not found on the classpath at " + BUILT_IN_MODEL
							+ "; build the nlp-models module (./mvnw install) or set bot.nlp.model-path");
				}
				return IntentModel.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the intent model at classpath:" + BUILT_IN_MODEL, ex);
			}
		}
		Path file = Path.of(modelPath);
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(
					"bot.nlp.model-path=" + modelPath + " is not a file (resolved to " + file.toAbsolutePath() + ")");
		}
		try {
			return IntentModel.load(file);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("bot.nlp.model-path=" + modelPath + " is not a readable intent model", ex);
		}
	}

}
