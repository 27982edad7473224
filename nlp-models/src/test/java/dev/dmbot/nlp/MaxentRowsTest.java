package dev.dmbot.nlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import opennlp.tools.ml.model.AbstractModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MaxentRowsTest {

	@Test
	void rowsGiveOpenNlpsProbabilitiesForEveryShippedExample() throws IOException {
		List<IntentExample> examples = IntentExamples.read(Path.of("data/intents.tsv"));
		AbstractModel maxent = ModelFiles.maxentOf(new IntentModelTrainer().train(examples));
		MaxentRows rows = new MaxentRows(maxent);

		for (IntentExample example : examples) {
			String[] features = IntentFeatures.of(example.text() + " and something unseen");
			double[] probabilities = rows.scores(features);
			MaxentRows.normalise(probabilities);

			assertThat(probabilities).as(example.text()).containsExactly(maxent.eval(features), within(1e-12));
		}
	}

	@Test
	void aMessageWithNoKnownFeatureGetsEqualScores() throws IOException {
		AbstractModel maxent = ModelFiles.maxentOf(new IntentModelTrainer()
			.train(List.of(new IntentExample("a", "hello there"), new IntentExample("b", "goodbye now"))));

		double[] probabilities = new MaxentRows(maxent).scores(IntentFeatures.of("zzz"));
		MaxentRows.normalise(probabilities);

		assertThat(probabilities).containsExactly(0.5, 0.5);
	}

}
