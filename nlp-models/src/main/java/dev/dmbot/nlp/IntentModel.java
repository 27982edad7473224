package dev.dmbot.nlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A trained intent classifier: a maxent model over {@link IntentFeatures}, with the
 * {@link WordEvidence evidence} of its training examples' words.
 * <p>
 * The maxent parameters are stored, never a feature generator: serving computes features
 * with the same {@link IntentFeatures} code as training, so a loaded model predicts
 * exactly what the trained one did. (A {@code DoccatModel} built with an n-gram feature
 * generator is restored with the default bag-of-words generator in opennlp-tools 2.5, and
 * silently loses accuracy.) The words of the training examples follow the parameters in
 * the same file, for {@link WordEvidence}; a file written before they were kept still
 * loads and predicts from the maxent parameters alone. Instances are immutable and safe
 * to share between threads.
 */
public final class IntentModel {

	private final AbstractModel model;

	private final WordEvidence evidence;

	private final MaxentRows rows;

	/** Per outcome index, the outcome's place in alphabetical order. */
	private final int[] alphabeticalRanks;

	IntentModel(AbstractModel model, WordEvidence evidence) {
		this.model = Objects.requireNonNull(model, "model must not be null");
		this.evidence = evidence;
		this.rows = new MaxentRows(model);
		String[] outcomes = outcomes(model);
		String[] sorted = outcomes.clone();
		Arrays.sort(sorted);
		this.alphabeticalRanks = new int[outcomes.length];
		for (int i = 0; i < outcomes.length; i++) {
			this.alphabeticalRanks[i] = Arrays.binarySearch(sorted, outcomes[i]);
		}
	}

	/**
	 * Loads a model written by {@link #writeTo(OutputStream)}; does not close the stream.
	 */
	public static IntentModel load(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(new BufferedInputStream(in));
		AbstractModel model = new GenericModelReader(new BinaryFileDataReader(data)).getModel();
		List<TrainingWords.Example> words = TrainingWords.readFrom(data);
		return new IntentModel(model, (words != null) ? new WordEvidence(words, outcomes(model)) : null);
	}

	public static IntentModel load(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return load(in);
		}
	}

	/** Writes the model in OpenNLP's binary maxent format; does not close the stream. */
	public void writeTo(OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
		// The writer closes the stream it is given; the word counts still have to follow.
		new GenericModelWriter(this.model, new DataOutputStream(new FilterOutputStream(data) {
			@Override
			public void close() throws IOException {
				flush();
			}
		})).persist();
		if (this.evidence != null) {
			TrainingWords.writeTo(data, this.evidence.examples());
		}
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
	 * distribution (and a confidence equal to its probability).
	 */
	public Prediction predict(String text) {
		IntentFeatures.Analysis analysis = IntentFeatures.analyse(text);
		double[] probabilities = this.rows.scores(analysis.features());
		List<String> words = analysis.words();
		double[] maxentProbabilities = probabilities;
		if (this.evidence != null) {
			maxentProbabilities = probabilities.clone();
			MaxentRows.normalise(maxentProbabilities);
			this.evidence.addTo(probabilities, words);
		}
		MaxentRows.normalise(probabilities);
		Integer[] order = new Integer[probabilities.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		// Ties are broken by label so the answer never depends on the model's internal
		// outcome order.
		Arrays.sort(order, Comparator.<Integer>comparingDouble((i) -> -probabilities[i])
			.thenComparingInt((i) -> this.alphabeticalRanks[i]));
		Map<String, Double> distribution = new LinkedHashMap<>();
		for (int i : order) {
			distribution.put(this.model.getOutcome(i), probabilities[i]);
		}
		int best = order[0];
		// The experts choose the label, but they multiply evidence and so grow sure of
		// themselves on short messages ("ok" nearly repeats an example of several
		// intents): the confidence is the maxent model's probability for that label.
		double confidence = (this.evidence != null) ? this.evidence.confidence(best, maxentProbabilities[best], words)
				: probabilities[best];
		return new Prediction(this.model.getOutcome(best), probabilities[best], distribution, confidence);
	}

	static String[] outcomes(AbstractModel model) {
		String[] outcomes = new String[model.getNumOutcomes()];
		for (int i = 0; i < outcomes.length; i++) {
			outcomes[i] = model.getOutcome(i);
		}
		return outcomes;
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
