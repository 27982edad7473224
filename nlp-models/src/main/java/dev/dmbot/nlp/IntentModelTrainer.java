package dev.dmbot.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains an {@link IntentModel}: an L2-regularised maxent model (OpenNLP's quasi-Newton
 * trainer) over {@link IntentFeatures}, and the {@link WordEvidence evidence} of the
 * examples' words.
 * <p>
 * Training is deterministic: no sampling, the events are fed in data order, and the
 * gradient is summed by a fixed number of threads over fixed slices of the events, in a
 * fixed order, so the same data gives the same model bytes on every run and every
 * machine, whatever its number of cores.
 */
public final class IntentModelTrainer {

	private static final int ITERATIONS = 300;

	// Two, not the number of cores: the slices, and so the rounding of the sums, must not
	// depend on the machine. Two halves the training time on the 2-core build machines.
	private static final int THREADS = 2;

	// Held-out accuracy is flat between 0.05 and 4; 0.5 keeps the probabilities of
	// unfamiliar text low, which is
	// what the serving confidence threshold relies on.
	private static final double L2_COST = 0.5;

	public IntentModel train(List<IntentExample> examples) {
		if (examples.isEmpty()) {
			throw new IllegalArgumentException("cannot train an intent model on no examples");
		}
		List<Event> events = new ArrayList<>(examples.size());
		for (IntentExample example : examples) {
			events.add(new Event(example.label(), IntentFeatures.of(example.text())));
		}
		// The trainer writes its report into this map, so it must be mutable.
		EventTrainer trainer = TrainerFactory.getEventTrainer(parameters(), new HashMap<>());
		try {
			AbstractModel model = (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
			return new IntentModel(model, new WordEvidence(TrainingWords.of(examples), IntentModel.outcomes(model)));
		}
		catch (IOException ex) {
			// The events are in memory; an IOException here is a bug, not a condition to
			// handle.
			throw new UncheckedIOException(ex);
		}
	}

	private static TrainingParameters parameters() {
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
		parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
		// Every feature counts: with ~50 examples an intent, a word seen once can be the
		// one that decides.
		parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
		parameters.put(QNTrainer.THREADS_PARAM, THREADS);
		parameters.put(QNTrainer.L1COST_PARAM, 0.0);
		parameters.put(QNTrainer.L2COST_PARAM, L2_COST);
		return parameters;
	}

}
