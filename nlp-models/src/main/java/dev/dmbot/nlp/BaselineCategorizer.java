package dev.dmbot.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's document categorizer exactly as its manual trains it: whitespace tokens,
 * bag-of-words features, maxent (GIS) with the default 100 iterations and cutoff 5. It is
 * the yardstick the intent model's figures are compared with, measured in the same run;
 * the server never uses it.
 */
final class BaselineCategorizer {

	private final DocumentCategorizerME categorizer;

	private BaselineCategorizer(DoccatModel model) {
		this.categorizer = new DocumentCategorizerME(model);
	}

	static BaselineCategorizer train(List<IntentExample> examples) {
		List<DocumentSample> samples = examples.stream()
			.map((example) -> new DocumentSample(example.label(), tokens(example.text())))
			.toList();
		TrainingParameters parameters = TrainingParameters.defaultParams();
		parameters.put(TrainingParameters.THREADS_PARAM, 1);
		try {
			return new BaselineCategorizer(DocumentCategorizerME.train("x",
					ObjectStreamUtils.createObjectStream(samples), parameters, new DoccatFactory()));
		}
		catch (IOException ex) {
			// The samples are in memory; an IOException here is a bug.
			throw new UncheckedIOException(ex);
		}
	}

	/** The most probable intent of {@code text}. */
	String classify(String text) {
		double[] probabilities = this.categorizer.categorize(tokens(text));
		return this.categorizer.getBestCategory(probabilities);
	}

	/** Share of {@code examples} whose intent is the most probable one. */
	double accuracy(List<IntentExample> examples) {
		long correct = examples.stream().filter((example) -> classify(example.text()).equals(example.label())).count();
		return (double) correct / examples.size();
	}

	private static String[] tokens(String text) {
		return WhitespaceTokenizer.INSTANCE.tokenize(text);
	}

}
