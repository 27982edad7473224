package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.ShippedSheets;

/**
 * Comment rows of the Replies sheet: only a row naming {@code comment} answers a comment,
 * the Payload cell names the post or reel, the Public reply column is checked cell by
 * cell.
 */
class CommentRowsTest {

	static final String POST = "18083495273654753";

	private static CompiledRules compiles(Workbook workbook) {
		return ShippedSheets.compile(List.of(workbook), TestWorkbooks.CLOCK.instant());
	}

	private static WorkbookCompileException compileError(Workbook workbook) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compiles(workbook));
		assertThat(error).as("compile error").isNotNull();
		return error;
	}

	private static DecisionRequest comment(String text, String mediaId) {
		return new DecisionRequest("comment", DecisionRequest.NO_TEXT_INTENT, 0, text, mediaId, null, "", Set.of(), 1,
				Map.of());
	}

	@Test
	void aCommentRowWithAKeywordAndAPostAnswersPrivatelyAndPublicly() {
		CompiledRules rules = compiles(workbook("shop.xlsx")
			.rule("A", "comment", "D", "price", "E", POST, "G", "Prices are on our site.", "M", "Sent you a DM 💌")
			.build());

		Decision decision = rules.decideComment(comment("PRICE?", POST)).orElseThrow();

		assertThat(decision.reply()).isEqualTo("Prices are on our site.");
		assertThat(decision.publicReply()).isEqualTo("Sent you a DM 💌");
		assertThat(decision.firedRows()).containsExactly(new FiredRow("shop.xlsx", "Replies", 13));
	}

	@Test
	void aCommentOnAnotherPostOrWithoutTheKeywordIsNotAnsweredByTheCatchAll() {
		CompiledRules rules = compiles(
				workbook("shop.xlsx").rule("A", "comment", "D", "price", "E", POST, "G", "Prices are on our site.")
					.build());

		assertThat(rules.decideComment(comment("price", "another-post"))).isEmpty();
		assertThat(rules.decideComment(comment("lovely", POST))).isEmpty();
		// The catch-all still answers messages.
		assertThat(rules.decide(comment("lovely", POST)).reply()).isEqualTo(WorkbookBuilder.CATCH_ALL_REPLY);
	}

	@Test
	void aRowForCommentsAndMessagesAnswersBoth() {
		CompiledRules rules = compiles(
				workbook("shop.xlsx").rule("A", "comment, message", "D", "price", "G", "Prices.").build());

		Optional<Decision> decision = rules.decideComment(comment("price please", null));

		assertThat(decision).map(Decision::reply).contains("Prices.");
	}

	@Test
	void aPublicReplyOnARowThatAlsoAnswersMessagesIsLocated() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("A", "comment, message", "G", "Prices.", "M", "Sent you a DM").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column M");
		assertThat(error.value()).isEqualTo("Sent you a DM");
		assertThat(error.problem())
			.isEqualTo("a public reply answers a comment, but this row's Event type is \"comment, message\".");
	}

	@Test
	void aPublicReplyWithAnUnknownVariableIsLocated() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("A", "comment", "G", "Prices.", "M", "Thanks {{frist_name}}!").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column M");
		assertThat(error.problem()).startsWith("unknown variable {{frist_name}}");
	}

	@Test
	void quickRepliesOnACommentRowAreRefusedBecauseAPrivateReplyCarriesTextOnly() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("A", "comment", "G", "Prices.", "H", "Shipping>SHIPPING").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column H");
		assertThat(error.problem()).contains("a private reply to a comment carries text only");
	}

	@Test
	void anIntentOnACommentRowIsRefusedBecauseCommentsAreNotClassified() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("A", "comment", "B", "pricing", "G", "Prices.").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column B");
		assertThat(error.problem()).isEqualTo("comments are not classified, so an intent never fits one.");
	}

}
