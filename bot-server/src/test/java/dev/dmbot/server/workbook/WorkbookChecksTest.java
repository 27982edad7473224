package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.ShippedSheets;

/**
 * Each check of a workbook, on a small workbook built for it: the error names the file,
 * sheet, row and column, shows the cell's text, says what is wrong and how to fix it.
 */
class WorkbookChecksTest {

	private static WorkbookCompileException compileError(Workbook... workbooks) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class,
				() -> ShippedSheets.compile(List.of(workbooks), TestWorkbooks.CLOCK.instant()));
		assertThat(error).as("compile error").isNotNull();
		return error;
	}

	private static CompiledRules compiles(Workbook... workbooks) {
		return ShippedSheets.compile(List.of(workbooks), TestWorkbooks.CLOCK.instant());
	}

	@Test
	void anUnknownIntentIsLocatedAndTheClosestKnownOneSuggested() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "greeting").rule("B", "prcing", "G", "Cushions from €24.").build());

		assertThat(error.getMessage()).isEqualTo("shop.xlsx, sheet Replies, row 14, column B: unknown intent"
				+ " \"prcing\" — did you mean \"pricing\"? Fix: use one of "
				+ String.join(", ", WorkbookValidator.INTENTS) + " (comma-separated for several).");
		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 14, column B");
		assertThat(error.value()).isEqualTo("prcing");
		assertThat(error.problem()).isEqualTo("unknown intent \"prcing\" — did you mean \"pricing\"?");
		assertThat(error.fix()).startsWith("use one of greeting, pricing, ");
	}

	@Test
	void theValueIsTheWholeCellAndTheProblemNamesTheUnknownItem() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "greeting, shiping", "G", "Hi!").build());

		assertThat(error.value()).isEqualTo("greeting, shiping");
		assertThat(error.problem()).isEqualTo("unknown intent \"shiping\" — did you mean \"shipping\"?");
	}

	@Test
	void aNameFarFromEveryKnownOneGetsNoSuggestion() {
		WorkbookCompileException error = compileError(workbook("shop.xlsx").rule("B", "weather", "G", "Sunny").build());

		assertThat(error.problem()).isEqualTo("unknown intent \"weather\".");
	}

	@Test
	void anUnknownEventTypeIsLocatedWithASuggestion() {
		WorkbookCompileException error = compileError(workbook("shop.xlsx").rule("A", "mesage", "G", "Hi").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column A");
		assertThat(error.problem()).isEqualTo("unknown event type \"mesage\" — did you mean \"message\"?");
		assertThat(error.fix()).contains("message, quick_reply, postback");
	}

	@Test
	void aStateThatNoRowMovesToIsUnknown() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "booking", "C", "booking_requestd", "G", "We have your request.")
					.rule("B", "booking", "G", "Which day suits you?", "I", "booking_requested")
					.build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column C");
		assertThat(error.value()).isEqualTo("booking_requestd");
		assertThat(error.problem()).startsWith("unknown state \"booking_requestd\": no Next state cell")
			.endsWith(" — did you mean \"booking_requested\"?");
		assertThat(error.fix()).startsWith("use one of booking_requested, or none");
	}

	@Test
	void aStateSetByAnotherWorkbookOfTheSetIsKnown() {
		Workbook setsState = workbook("booking.xlsx")
			.rule("B", "booking", "C", "none", "G", "Which day suits you?", "I", "booking_requested")
			.build();
		Workbook readsState = workbook("followup.xlsx")
			.rule("B", "booking", "C", "Booking_Requested", "G", "We have your request.")
			.build();

		WorkbookCompileException alone = compileError(readsState);
		assertThat(alone.value()).isEqualTo("Booking_Requested");
		assertThat(alone.problem()).startsWith("unknown state \"Booking_Requested\": ");
		CompiledRules rules = compiles(setsState, readsState);
		assertThat(rules.decide(TestWorkbooks.textMessageInState("booking", "book", "booking_requested")).reply())
			.isEqualTo("We have your request.");
	}

	@Test
	void stateNoneIsAlwaysKnown() {
		CompiledRules rules = compiles(workbook("shop.xlsx").rule("B", "greeting", "C", "none", "G", "Olá!").build());

		assertThat(rules.decide(TestWorkbooks.textMessage("greeting", "hi")).reply()).isEqualTo("Olá!");
	}

	@Test
	void anUnknownVariableInAReplyIsLocatedWithASuggestion() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "greeting", "G", "Olá {{frist_name|there}}!").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column G");
		assertThat(error.value()).isEqualTo("Olá {{frist_name|there}}!");
		assertThat(error.problem()).isEqualTo("unknown variable {{frist_name}} — did you mean \"first_name\"?");
		assertThat(error.fix()).contains("{{first_name}}", "{{username}}", "{{state}}", "{{intent}}",
				"{{attr.<name>}}");
	}

	@Test
	void everyVariableTheConversationFillsInIsAccepted() {
		String reply = "Olá {{first_name|there}} ({{ username }}), {{state}}/{{intent}} in {{attr.city|Porto}}";
		CompiledRules rules = compiles(workbook("shop.xlsx").rule("B", "greeting", "G", reply).build());

		assertThat(rules.decide(TestWorkbooks.textMessage("greeting", "hi")).reply()).isEqualTo(reply);
	}

	@Test
	void bracesThatAreNotAVariableAreRejected() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "greeting", "G", "Olá {{first name}}!").build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column G");
		assertThat(error.problem()).contains("{{ or }} that is not a variable");
	}

	@Test
	void aReplyOverAThousandUtf8BytesIsRejectedSayingHowManyBytes() {
		// 334 euro signs are 334 characters but 1,002 bytes.
		String euros = "€".repeat(334);
		WorkbookCompileException error = compileError(workbook("shop.xlsx").rule("B", "pricing", "G", euros).build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column G");
		assertThat(error.value()).isEqualTo(euros);
		assertThat(error.problem()).startsWith("the reply is 1002 bytes long (334 characters;")
			.endsWith("Instagram accepts at most 1000 bytes.");
		assertThat(error.fix()).isEqualTo("shorten the reply by at least 2 bytes.");
	}

	@Test
	void aReplyOfExactlyAThousandBytesIsAccepted() {
		String reply = "€".repeat(333) + "a";
		CompiledRules rules = compiles(workbook("shop.xlsx").rule("B", "pricing", "G", reply).build());

		assertThat(rules.decide(TestWorkbooks.textMessage("pricing", "price")).reply()).isEqualTo(reply);
	}

	@Test
	void aQuickReplyTitleOverTwentyCharactersShowsTheTitleAndTheLimit() {
		String cell = "Lamps>LAMPS; Everything about our rugs>RUGS";
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "pricing", "G", "Which one?", "H", cell).build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column H");
		assertThat(error.value()).isEqualTo(cell);
		assertThat(error.problem()).isEqualTo(
				"quick reply title 'Everything about our rugs' has 25 characters; Instagram accepts at most 20.");
	}

	@Test
	void moreThanThirteenQuickRepliesShowTheCountAndTheLimit() {
		String cell = String.join("; ", Collections.nCopies(14, "Lamps>LAMPS"));
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "pricing", "G", "Which one?", "H", cell).build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column H");
		assertThat(error.value()).isEqualTo(cell);
		assertThat(error.problem()).isEqualTo("14 quick replies; Instagram shows at most 13.");
		assertThat(error.fix()).isEqualTo("remove 1 of them.");
	}

	@Test
	void aRowCoveredByAWiderRowAboveCanNeverAnswer() {
		WorkbookCompileException error = compileError(workbook("shop.xlsx").rule("B", "greeting")
			.rule("B", "pricing, shipping", "G", "Prices and shipping are on our site.")
			.rule("A", "message", "B", "Pricing", "D", "sofa", "G", "Sofas start at €890.")
			.build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 15");
		assertThat(error.problem()).isEqualTo("row 15 (Event type: message; Intent: Pricing; Keywords (any of): sofa)"
				+ " can never answer: row 14 above it (Intent: pricing, shipping) matches everything it matches,"
				+ " and the first matching row wins.");
		assertThat(error.fix()).isEqualTo("move row 15 above row 14, or narrow row 14.");
	}

	@Test
	void keywordsCoverEachOtherIgnoringCaseAndAccents() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "shipping", "D", "Porto, Gaia", "G", "Same day in Porto.")
					.rule("B", "shipping", "D", "pórto", "G", "Porto!")
					.build());

		assertThat(error.problem()).startsWith("row 14 (").contains("can never answer: row 13 above it");
	}

	@Test
	void aRowWithoutConditionsAboveOthersHidesTheRowBelowIt() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("G", "Hello!").rule("B", "pricing", "G", "Prices").build());

		assertThat(error.row()).isEqualTo(14);
		assertThat(error.problem()).contains("row 13 above it (no conditions)");
	}

	@Test
	void aNarrowerRowAboveAWiderOneIsFine() {
		CompiledRules rules = compiles(workbook("shop.xlsx")
			.rule("A", "message", "B", "shipping", "D", "porto, gaia", "G", "Same day in Porto.")
			.rule("B", "shipping", "G", "2–3 working days.")
			.build());

		assertThat(rules.decide(TestWorkbooks.textMessage("shipping", "to Gaia?")).firedRows())
			.extracting(FiredRow::row)
			.containsExactly(13);
		assertThat(rules.decide(TestWorkbooks.textMessage("shipping", "to Lisbon?")).firedRows())
			.extracting(FiredRow::row)
			.containsExactly(14);
	}

	@Test
	void anIntentNoRowAnswersIsAGapNamingWhereToAddTheRow() {
		WorkbookBuilder builder = workbook("shop.xlsx")
			.rule("B", "booking", "C", "none", "G", "Which day?", "I", "booking_requested")
			.ruleForEveryIntentBut("pricing")
			.rule("B", "pricing", "D", "price", "G", "Only when the word price is used.")
			.rule("A", "story_reply", "B", "pricing", "G", "Only for story replies.")
			.rule("B", "pricing", "C", "booking_requested", "G", "Only while booking.")
			.rule("B", "pricing", "E", "MENU_PRICES", "G", "Only for the menu button.")
			.rule("B", "pricing", "F", "vip", "G", "Only for VIPs.")
			.withoutCatchAll();
		WorkbookCompileException error = compileError(builder.build());

		int lastRow = builder.catchAllRow() - 1;
		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row " + (lastRow + 1) + ", column B");
		assertThat(error.problem()).startsWith("no row answers a plain message about pricing.");
		assertThat(error.fix()).isEqualTo("add a row right under row " + lastRow
				+ " of table Replies with pricing in column B (Intent) and the answer in column G (Reply),"
				+ " leaving the other conditions empty.");
	}

	@Test
	void everyMissingIntentIsListed() {
		WorkbookCompileException error = compileError(
				workbook("shop.xlsx").rule("B", "greeting", "G", "Olá!").withoutCatchAll().build());

		assertThat(error.problem()).startsWith("no row answers a plain message about pricing.")
			.endsWith(" The same goes for shipping, availability, order_status, returns, hours_location, booking,"
					+ " discount, product_question, human_agent, complaint, opt_out, thanks, goodbye, payment.");
	}

	@Test
	void aRowForMessagesInNoStateOrABlankIntentFillsTheGap() {
		compiles(workbook("shop.xlsx").ruleForEveryIntentBut("pricing")
			.rule("A", "message, story_reply", "B", "pricing, discount", "C", "none", "G", "Prices")
			.withoutCatchAll()
			.build());
		compiles(workbook("shop.xlsx").ruleForEveryIntentBut("pricing").build());
	}

	@Test
	void intentsAnsweredInAnotherWorkbookOfTheSetAreNoGap() {
		Workbook most = workbook("most.xlsx").ruleForEveryIntentBut("pricing").withoutCatchAll().build();
		Workbook pricing = workbook("pricing.xlsx").rule("B", "pricing", "G", "Prices").withoutCatchAll().build();

		assertThat(compileError(most).problem()).startsWith("no row answers a plain message about pricing.");
		CompiledRules rules = compiles(most, pricing);
		assertThat(rules.decide(TestWorkbooks.textMessage("pricing", "how much")).reply()).isEqualTo("Prices");
	}

	@Test
	void twoWorkbooksWithTheSameRuleSetAndTableNameAreRejectedAtTheRuleSetCell() {
		Workbook first = workbook("lumen-oak.xlsx").ruleSet("dev.dmbot.rules.shop").build();
		Workbook second = workbook("christmas.xlsx").ruleSet("dev.dmbot.rules.shop").build();

		WorkbookCompileException error = compileError(first, second);

		assertThat(error.location()).isEqualTo("christmas.xlsx, sheet Replies, row 1, column B");
		assertThat(error.value()).isEqualTo("dev.dmbot.rules.shop");
		assertThat(error.problem()).isEqualTo("the rules of table Replies in package dev.dmbot.rules.shop clash with"
				+ " the table of the same name in lumen-oak.xlsx, sheet Replies, which has the same RuleSet.");
		assertThat(error.fix()).startsWith("give each workbook a RuleSet of its own (e.g. dev.dmbot.rules.christmas)");
	}

	@Test
	void aCellDroolsCannotCompileIsLocatedWithItsText() {
		// Without quotes around $param the reply lands in the rule as Java code.
		WorkbookCompileException error = compileError(workbook("shop.xlsx").code("G", "decision.reply($param);")
			.rule("B", "greeting", "G", "Hello there")
			.withoutCatchAll()
			.ruleForEveryIntentBut("greeting")
			.build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column G");
		assertThat(error.value()).isEqualTo("Hello there");
		assertThat(error.problem()).startsWith("Drools cannot compile this row: ").contains("Hello");
		assertThat(error.fix()).contains("code of column G in row 11 (decision.reply($param);)");
	}

	@Test
	void theValueOfACellDroolsRejectsIsTheTextAsTypedNotAsEscaped() {
		WorkbookCompileException error = compileError(workbook("shop.xlsx").code("G", "decision.replyy(\"$param\");")
			.rule("B", "greeting", "G", "\"Olá\"\nthere")
			.withoutCatchAll()
			.ruleForEveryIntentBut("greeting")
			.build());

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 13, column G");
		assertThat(error.value()).isEqualTo("\"Olá\"\nthere");
	}

}
