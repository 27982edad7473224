package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.TestWorkbooks.shippedWith;
import static dev.dmbot.server.workbook.TestWorkbooks.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Collections;

import org.junit.jupiter.api.Test;

/**
 * Broken copies of the shipped workbook fail with the file, sheet, row and column an
 * analyst has to fix.
 */
class DecisionTableCompilerTest {

	private static WorkbookCompileException compileError(Workbook workbook) {
		WorkbookCompileException error = org.assertj.core.api.Assertions
			.catchThrowableOfType(WorkbookCompileException.class, () -> TestWorkbooks.engine(workbook));
		assertThat(error).as("compile error").isNotNull();
		return error;
	}

	@Test
	void conditionCodeCallingAMethodThatDoesNotExistNamesTheColumn() {
		WorkbookCompileException error = compileError(shippedWith("B11", "intentIz(\"$param\")"));

		assertThat(error.getMessage()).startsWith("lumen-oak.xlsx, sheet Replies, row ")
			.contains(", column B: ")
			.contains("intentIz")
			.contains("Fix: ");
		assertThat(error.column()).isEqualTo("B");
	}

	@Test
	void actionCodeWithoutQuotesBreaksOnTheFirstReplyCell() {
		WorkbookCompileException error = compileError(shippedWith("G11", "decision.reply($param);"));

		assertThat(error.getMessage()).startsWith("lumen-oak.xlsx, sheet Replies, row ").contains(", column G: ");
		assertThat(error.row()).isBetween(13, 42);
	}

	@Test
	void fourteenQuickRepliesAreRejectedAtTheirCell() {
		String fourteen = String.join("; ", Collections.nCopies(14, "Lamps>LAMPS"));
		WorkbookCompileException error = compileError(shippedWith("H23", fourteen));

		assertThat(error.getMessage()).startsWith("lumen-oak.xlsx, sheet Replies, row 23, column H: 14 quick replies");
	}

	@Test
	void aQuickReplyTitleOverTwentyCharactersIsRejectedAtItsCell() {
		WorkbookCompileException error = compileError(
				shippedWith("H24", "Lamps>LAMPS; Everything about our rugs>RUGS"));

		assertThat(error.getMessage()).startsWith(
				"lumen-oak.xlsx, sheet Replies, row 24, column H: quick reply title 'Everything about our rugs' has 25");
		assertThat(error.sheet()).isEqualTo("Replies");
		assertThat(error.row()).isEqualTo(24);
		assertThat(error.column()).isEqualTo("H");
	}

	@Test
	void anUnknownIntentIsRejectedAtItsCell() {
		WorkbookCompileException error = compileError(shippedWith("B24", "shiping"));

		assertThat(error.getMessage()).startsWith(
				"lumen-oak.xlsx, sheet Replies, row 24, column B: unknown intent \"shiping\" — did you mean \"shipping\"?")
			.contains("shipping");
	}

	@Test
	void anUnknownEventTypeIsRejectedAtItsCell() {
		WorkbookCompileException error = compileError(shippedWith("A19", "story_mentions"));

		assertThat(error.getMessage()).startsWith(
				"lumen-oak.xlsx, sheet Replies, row 19, column A: unknown event type \"story_mentions\" — did you mean \"story_mention\"?");
	}

	@Test
	void anEscalateCellThatIsNeitherYesNorNoIsRejected() {
		WorkbookCompileException error = compileError(shippedWith("K35", "maybe"));

		assertThat(error.getMessage())
			.startsWith("lumen-oak.xlsx, sheet Replies, row 35, column K: escalate is \"maybe\".");
	}

	@Test
	void withoutTheActivationGroupSettingSeveralRowsCouldAnswer() {
		WorkbookCompileException error = compileError(shippedWith("A5", null, "B5", null));

		assertThat(error.getMessage()).startsWith("lumen-oak.xlsx, sheet Replies, row 8, column A: ")
			.contains("ACTIVATION-GROUP");
	}

	@Test
	void aMistypedImportNamesTheSettingCell() {
		WorkbookCompileException error = compileError(shippedWith("B2", "dev.dmbot.server.rules.IncomingMesage"));

		assertThat(error.getMessage()).startsWith("lumen-oak.xlsx, sheet Replies, row 2, column B: ");
	}

	@Test
	void aFileThatIsNotAWorkbookNamesTheFile() {
		WorkbookCompileException error = compileError(new Workbook("notes.xlsx", "hello".getBytes()));

		assertThat(error.getMessage()).startsWith("notes.xlsx: cannot be read as an .xlsx workbook");
	}

	@Test
	void quotesBackslashesLineBreaksAndDollarsInARepliesCellArriveAsTyped() {
		String typed = "\"Lumen\" is our 19\" lamp\\shade, US$ 20 $param\nsee you";
		// The pricing row is an A/B test; a single reply leaves no wordings to name, nor
		// to
		// translate.
		DecisionEngine engine = TestWorkbooks.engine(shippedWith("G27", typed, "O27", null, "P27", null, "Q27", null));

		assertThat(engine.decide(textMessage("pricing", "how much")).reply()).isEqualTo(typed);
	}

	@Test
	void quotesInAKeywordCellAreIgnored() {
		DecisionEngine engine = TestWorkbooks.engine(shippedWith("D23", "\"porto\", gaia"));

		assertThat(engine.decide(textMessage("shipping", "porto?")).firedRows()).extracting(FiredRow::row)
			.containsExactly(23);
	}

	@Test
	void quickRepliesWithoutPayloadsGetUpperSnakePayloads() {
		// Without the translated buttons, whose payloads would no longer match.
		DecisionEngine engine = TestWorkbooks
			.engine(shippedWith("H27", "Sofás & chairs; Rugs>RUGS", "R27", null, "S27", null));

		assertThat(engine.decide(textMessage("pricing", "how much")).quickReplies())
			.containsExactly(new QuickReply("Sofás & chairs", "SOFAS_CHAIRS"), new QuickReply("Rugs", "RUGS"));
	}

}
