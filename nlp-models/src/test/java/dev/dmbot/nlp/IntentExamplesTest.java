package dev.dmbot.nlp;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntentExamplesTest {

	@Test
	void readsLabelledLinesAndSkipsBlanksAndComments() throws IOException {
		List<IntentExample> examples = read("# comment\n\ngreeting\thi there\n  # indented comment\nthanks\tty 🙏\n");

		assertThat(examples).containsExactly(new IntentExample("greeting", "hi there"),
				new IntentExample("thanks", "ty 🙏"));
	}

	@Test
	void lineWithoutTabIsRejectedWithItsLineNumber() {
		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> read("greeting\thi\n\ngreeting hello\n"))
			.withMessageContaining("intents.tsv line 3")
			.withMessageContaining("no tab");
	}

	@Test
	void lineWithTwoTabsIsRejected() {
		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> read("greeting\thi\tthere\n"))
			.withMessageContaining("intents.tsv line 1")
			.withMessageContaining("exactly one tab");
	}

	@Test
	void labelThatIsNotAnIdentifierIsRejected() {
		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> read("greeting\thi\nOrder Status\tx\n"))
			.withMessageContaining("intents.tsv line 2")
			.withMessageContaining("label 'Order Status'");
	}

	@Test
	void labelWithoutTextIsRejected() {
		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> read("thanks\t   \n"))
			.withMessageContaining("intents.tsv line 1")
			.withMessageContaining("no text");
	}

	@Test
	void shippedDataHasAtLeast45ExamplesForEachOfTheSixteenIntents() {
		Map<String, Long> counts = IntentExamples.read(Path.of("data/intents.tsv"))
			.stream()
			.collect(Collectors.groupingBy(IntentExample::label, Collectors.counting()));

		assertThat(counts).containsOnlyKeys("greeting", "pricing", "shipping", "availability", "order_status",
				"returns", "hours_location", "booking", "discount", "product_question", "human_agent", "complaint",
				"opt_out", "thanks", "goodbye", "payment");
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isGreaterThanOrEqualTo(45));
	}

	private static List<IntentExample> read(String tsv) throws IOException {
		return IntentExamples.read(new StringReader(tsv), "intents.tsv");
	}

}
