package dev.dmbot.server.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IntentClassifierTest {

	private final IntentClassifier classifier = new IntentClassifier(NlpProperties.defaults());

	@Test
	void shippingQuestionIsShipping() {
		Intent intent = this.classifier.classify("how much is shipping to Porto?");

		assertThat(intent.name()).isEqualTo("shipping");
		assertThat(intent.confidence()).isGreaterThan(NlpProperties.defaults().confidenceThreshold());
	}

	@Test
	void gibberishIsUnknownButKeepsItsConfidence() {
		Intent intent = this.classifier.classify("asdkjh qwe zzz");

		assertThat(intent.isUnknown()).isTrue();
		assertThat(intent.confidence()).isGreaterThan(0.0).isLessThan(NlpProperties.defaults().confidenceThreshold());
	}

	@Test
	void blankOrMissingTextIsUnknownWithNoConfidence() {
		assertThat(this.classifier.classify("   ")).isEqualTo(Intent.unknown(0.0));
		assertThat(this.classifier.classify(null)).isEqualTo(Intent.unknown(0.0));
	}

	@Test
	void thresholdOfOneTurnsEverythingUnknown() {
		IntentClassifier strict = new IntentClassifier(new NlpProperties(1.0, null));

		assertThat(strict.classify("how much is shipping to Porto?").isUnknown()).isTrue();
	}

	@Test
	void missingModelFileFailsAtStartUpNamingThePath(@TempDir Path dir) {
		String missing = dir.resolve("nope.bin").toString();

		assertThatIllegalStateException().isThrownBy(() -> new IntentClassifier(new NlpProperties(0.4, missing)))
			.withMessageContaining("bot.nlp.model-path=" + missing);
	}

	@Test
	void fileThatIsNotAModelFailsAtStartUp(@TempDir Path dir) throws IOException {
		Path junk = Files.writeString(dir.resolve("junk.bin"), "not a model");

		assertThatIllegalStateException()
			.isThrownBy(() -> new IntentClassifier(new NlpProperties(0.4, junk.toString())))
			.withMessageContaining("is not a readable intent model");
	}

}
