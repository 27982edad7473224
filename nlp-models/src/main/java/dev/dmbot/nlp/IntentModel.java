package dev.dmbot.nlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;

/**
 * A trained intent classifier: a maxent model over {@link IntentFeatures}.
 * <p>
 * Only the maxent parameters are stored, never a feature generator: serving computes
 * features with the same {@link IntentFeatures} code as training, so a loaded model
 * predicts exactly what the trained one did. (A {@code DoccatModel} built with an n-gram
 * feature generator is restored with the default bag-of-words generator in opennlp-tools
 * 2.5, and silently loses accuracy.) Instances are immutable and safe to share between
 * threads.
 */
public final class IntentModel {

	private final AbstractModel model;

	IntentModel(AbstractModel model) {
		this.model = Objects.requireNonNull(model, "model must not be null");
	}

	/**
	 * Loads a model written by {@link #writeTo(OutputStream)}; does not close the stream.
	 */
	public static IntentModel load(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(new BufferedInputStream(in));
		return new IntentModel(new GenericModelReader(new BinaryFileDataReader(data)).getModel());
	}

	public static IntentModel load(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return load(in);
		}
	}

	/** Writes the model in OpenNLP's binary maxent format; does not close the stream. */
	public void writeTo(OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
		new GenericModelWriter(this.model, data).persist();
		data.flush();
	}

	/** Writes the model to {@code file}, creating its parent directories. */
	public void writeTo(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			writeTo(out);
		}
	}

	/**
	 * Predicts the intent of one message; null or blank text gets the model's prior
	 * distribution.
	 */
	public Prediction predict(String text) {
		double[] probabilities = this.model.eval(IntentFeatures.of(text));
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < probabilities.length; i++) {
			order.add(i);
		}
		// Ties are broken by label so the answer never depends on the model's internal
		// outcome order.
		order.sort(Comparator.<Integer>comparingDouble((i) -> -probabilities[i])
			.thenComparing((i) -> this.model.getOutcome(i)));
		Map<String, Double> distribution = new LinkedHashMap<>();
		for (int i : order) {
			distribution.put(this.model.getOutcome(i), probabilities[i]);
		}
		int best = order.get(0);
		return new Prediction(this.model.getOutcome(best), probabilities[best], distribution);
	}

	/** Returns the intent labels the model knows, in alphabetical order. */
	public List<String> labels() {
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < this.model.getNumOutcomes(); i++) {
			labels.add(this.model.getOutcome(i));
		}
		labels.sort(null);
		return labels;
	}

}
