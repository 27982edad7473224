package dev.dmbot.server.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.dmbot.nlp.IntentModel;
import dev.dmbot.nlp.Prediction;

import org.springframework.stereotype.Component;

/**
 * Tells which intent a customer's message expresses, using the intent models built by the
 * nlp-models module: English ({@code intent-model.bin}), Portuguese
 * ({@code intent-model-pt.bin}) and Spanish ({@code intent-model-es.bin}). A language
 * without a model of its own is classified with the English one.
 * <p>
 * The models are loaded once, when the classifier is created, so a missing or unreadable
 * model stops the server at start-up rather than at the first message. Thread-safe.
 */
@Component
public class IntentClassifier {

	static final String BUILT_IN_MODEL = "/dev/dmbot/nlp/intent-model.bin";

	/** The language of {@link #BUILT_IN_MODEL} and of {@code bot.nlp.model-path}. */
	static final String MODEL_LANGUAGE = "en";

	private final IntentModel model;

	private final Map<String, IntentModel> byLanguage = new HashMap<>();

	private final double confidenceThreshold;

	public IntentClassifier(NlpProperties properties) {
		this.model = loadModel(properties.modelPath());
		this.byLanguage.put(MODEL_LANGUAGE, this.model);
		for (String language : properties.languages()) {
			if (!MODEL_LANGUAGE.equals(language)) {
				IntentModel translated = builtIn("/dev/dmbot/nlp/intent-model-" + language + ".bin");
				if (translated != null) {
					this.byLanguage.put(language, translated);
				}
			}
		}
		this.confidenceThreshold = properties.confidenceThreshold();
	}

	/**
	 * Returns the intent of English {@code text}; see {@link #classify(String, String)}.
	 */
	public Intent classify(String text) {
		return classify(text, MODEL_LANGUAGE);
	}

	/**
	 * Returns the intent of {@code text} as the model of {@code language} reads it (the
	 * English model when that language has none); {@link Intent#UNKNOWN} with confidence
	 * 0 for null or blank text, and {@link Intent#UNKNOWN} with the best intent's
	 * confidence when that is below the threshold.
	 */
	public Intent classify(String text, String language) {
		if (text == null || text.isBlank()) {
			return Intent.unknown(0.0);
		}
		IntentModel chosen = (language != null) ? this.byLanguage.getOrDefault(language, this.model) : this.model;
		Prediction prediction = chosen.predict(text);
		if (prediction.confidence() < this.confidenceThreshold) {
			return Intent.unknown(prediction.confidence());
		}
		return new Intent(prediction.label(), prediction.confidence());
	}

	/** The languages with an intent model of their own. */
	public Set<String> languagesWithModels() {
		return Set.copyOf(this.byLanguage.keySet());
	}

	private static IntentModel builtIn(String resource) {
		try (InputStream in = IntentClassifier.class.getResourceAsStream(resource)) {
			return (in != null) ? IntentModel.load(in) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the intent model at classpath:" + resource, ex);
		}
	}

	private static IntentModel loadModel(String modelPath) {
		if (modelPath == null) {
			IntentModel model = builtIn(BUILT_IN_MODEL);
			if (model == null) {
				throw new IllegalStateException("Intent model not found on the classpath at " + BUILT_IN_MODEL
						+ "; build the nlp-models module (./mvnw install) or set bot.nlp.model-path");
			}
			return model;
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
