package dev.dmbot.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading Banking77's CSV files, as {@code nlp-models banking77} does. */
class Banking77SplitsTest {

	@TempDir
	Path dir;

	@Test
	void quotedTextsWithCommasQuotesAndLineBreaksBecomeOneLineExamples() throws IOException {
		Path csv = write("text,category\r\n" + "How do I locate my card?,card_arrival\r\n"
				+ "\"I still have not received my new card, I ordered over a week ago.\",card_arrival\r\n" + "\r\n"
				+ "\"It says \"\"pending\"\"\nfor days\",Refund_not_showing_up\r\n"
				+ "why was my payment reverted,reverted_card_payment?\r\n");

		assertThat(Banking77Splits.readCsv(csv)).containsExactly(
				new IntentExample("card_arrival", "How do I locate my card?"),
				new IntentExample("card_arrival", "I still have not received my new card, I ordered over a week ago."),
				new IntentExample("refund_not_showing_up", "It says \"pending\" for days"),
				new IntentExample("reverted_card_payment", "why was my payment reverted"));
	}

	@Test
	void aFileWithoutTheHeaderIsRefused() throws IOException {
		Path csv = write("How do I locate my card?,card_arrival\n");

		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> Banking77Splits.readCsv(csv))
			.withMessage(csv + " line 1: expected the header 'text,category'");
	}

	@Test
	void anEmptyFileIsRefused() throws IOException {
		Path csv = write("");

		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> Banking77Splits.readCsv(csv))
			.withMessage(csv + " line 1: expected the header 'text,category'");
	}

	@Test
	void aRecordWithTheWrongNumberOfFieldsIsNamed() throws IOException {
		Path csv = write("text,category\nfine,card_arrival\nmy card, it broke,card_not_working\n");

		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> Banking77Splits.readCsv(csv))
			.withMessageStartingWith(csv + " record 3: expected 2 fields but found 3");
	}

	@Test
	void aQuoteThatIsNeverClosedIsRefused() throws IOException {
		Path csv = write("text,category\n\"my card never came,card_arrival\n");

		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> Banking77Splits.readCsv(csv))
			.withMessageStartingWith(csv + ": not valid CSV: ")
			.withMessageEndingWith("; a quoted text must end with a quote");
	}

	@Test
	void aMissingFileNamesWhatTheFolderMustHold() {
		Path csv = this.dir.resolve("train.csv");

		assertThatExceptionOfType(IntentDataException.class).isThrownBy(() -> Banking77Splits.readCsv(csv))
			.withMessage(csv + ": file not found; --source must be the Banking77 folder holding "
					+ "train.csv, test.csv and categories.json");
	}

	private Path write(String text) throws IOException {
		Path file = this.dir.resolve("train.csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

}
