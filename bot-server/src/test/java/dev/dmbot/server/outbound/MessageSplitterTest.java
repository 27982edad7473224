package dev.dmbot.server.outbound;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSplitterTest {

	@Test
	void shortTextIsOnePart() {
		assertThat(MessageSplitter.split("Hello there!")).containsExactly("Hello there!");
	}

	@Test
	void longTextIsCutAtSentenceEndsWithinTheByteLimit() {
		String sentence = "Our oak tables are made in Porto by hand. ";
		String text = sentence.repeat(60);

		List<String> parts = MessageSplitter.split(text);

		assertThat(parts).hasSizeGreaterThan(1);
		assertThat(parts).allSatisfy(part -> {
			assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
			assertThat(part).endsWith(".");
		});
		assertThat(String.join(" ", parts)).isEqualTo(text.strip());
	}

	@Test
	void textWithoutSentencesIsCutBetweenWords() {
		String text = "linen ".repeat(400).strip();

		List<String> parts = MessageSplitter.split(text);

		assertThat(parts).allSatisfy(part -> assertThat(part).doesNotStartWith(" ").matches("(linen ?)+"));
		assertThat(String.join(" ", parts)).isEqualTo(text);
	}

	@Test
	void multiByteCharactersAreNeverCutInHalf() {
		String text = "\uD83D\uDECB\uFE0F".repeat(400);

		List<String> parts = MessageSplitter.split(text);

		assertThat(parts)
			.allSatisfy(part -> assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000));
		assertThat(String.join("", parts)).isEqualTo(text);
	}

}
