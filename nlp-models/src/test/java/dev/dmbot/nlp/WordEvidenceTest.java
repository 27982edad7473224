package dev.dmbot.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.ml.model.GenericModelWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The word counts kept with a model: what they do to the answer and to the confidence,
 * and how they are stored.
 */
class WordEvidenceTest {

	private static IntentModel model;

	@BeforeAll
	static void trainOnThreeIntents() {
		List<IntentExample> examples = new ArrayList<>();
		for (String item : List.of("sofa", "lamp", "rug", "table", "chair", "mirror", "vase", "cushion")) {
			examples.add(new IntentExample("pricing", "how much is the " + item));
			examples.add(new IntentExample("pricing", "what does the " + item + " cost"));
			examples.add(new IntentExample("shipping", "how long does shipping take for the " + item));
			examples.add(new IntentExample("shipping", "when will the " + item + " be delivered"));
			examples.add(new IntentExample("returns", "can i return the " + item));
			examples.add(new IntentExample("returns", "i want a refund for the " + item));
		}
		model = new IntentModelTrainer().train(examples);
	}

	@Test
	void confidenceIsTheMaxentProbabilityWhenEveryWordIsFamiliarToTheIntent() throws IOException {
		Prediction prediction = model.predict("how much is the sofa");

		assertThat(prediction.label()).isEqualTo("pricing");
		assertThat(prediction.confidence()).isEqualTo(maxentAlone().predict("how much is the sofa").probability());
	}

	@Test
	void aWordOtherIntentsUseButTheChosenOneNeverDoesLowersTheConfidence() throws IOException {
		// "delivered" belongs to shipping: a price question about delivery is not plainly
		// either.
		String message = "how much is the sofa delivered";
		Prediction prediction = model.predict(message);
		Prediction maxent = maxentAlone().predict(message);

		assertThat(prediction.label()).isEqualTo(maxent.label());
		assertThat(prediction.confidence()).isLessThan(maxent.probability() * 0.8);
	}

	@Test
	void wordsTheTrainingDataNeverHoldsChangeNothing() throws IOException {
		String message = "how much is the sofa xyzzy";
		Prediction prediction = model.predict(message);

		assertThat(prediction.label()).isEqualTo("pricing");
		assertThat(prediction.confidence()).isEqualTo(maxentAlone().predict(message).probability());
	}

	@Test
	void theExpertsSharpenTheAnswerTheMaxentModelLeansTo() throws IOException {
		Prediction prediction = model.predict("what does the lamp cost");

		assertThat(prediction.probability())
			.isGreaterThan(maxentAlone().predict("what does the lamp cost").probability());
	}

	@Test
	void trainingWordsSurviveTheSaveAndLoadRoundTrip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		model.writeTo(bytes);
		IntentModel loaded = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));

		for (String message : List.of("how much is the sofa delivered", "can i return the lamp", "when will it come")) {
			assertThat(loaded.predict(message)).isEqualTo(model.predict(message));
		}
	}

	@Test
	void aModelFileWrittenWithoutWordCountsStillLoadsAndTrustsItsProbabilities() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(bytes);
		new GenericModelWriter(ModelFiles.maxentOf(model), data).persist();
		data.flush();

		IntentModel loaded = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()));
		Prediction prediction = loaded.predict("how much is the sofa delivered");

		assertThat(prediction.confidence()).isEqualTo(prediction.probability());
		assertThat(loaded.labels()).containsExactly("pricing", "returns", "shipping");
	}

	@Test
	void bytesAfterTheParametersThatAreNotWordCountsAreRefused() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(bytes);
		new GenericModelWriter(ModelFiles.maxentOf(model), data).persist();
		data.writeInt(42);
		data.flush();

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> IntentModel.load(new ByteArrayInputStream(bytes.toByteArray())))
			.withMessageContaining("unexpected bytes after the maxent parameters");
	}

	/**
	 * The same model without its training words, as a model file from before them loads.
	 */
	private static IntentModel maxentAlone() throws IOException {
		return new IntentModel(ModelFiles.maxentOf(model), null);
	}

}
