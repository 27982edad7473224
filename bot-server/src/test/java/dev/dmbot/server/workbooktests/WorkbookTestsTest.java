package dev.dmbot.server.workbooktests;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dmbot.server.workbooktests.WorkbookTests;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.IntentLookup;
import dev.dmbot.server.workbook.TestFailure;
import dev.dmbot.server.workbook.TestReport;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.TestsSheets;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.ShippedSheets;

import static dev.dmbot.server.workbook.TestsSheets.row;
import static dev.dmbot.server.workbook.TestsSheets.withTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Tests sheet runner: expectations checked and located, conversations carried from
 * turn to turn, malformed sheets refused at the cell. Real rules, real intent model.
 */
class WorkbookTestsTest {

	private static final String[] TITLES = row("Conversation", "Event", "Text", "Payload", "Expect intent",
			"Expect reply contains", "Expect next state", "Expect escalate");

	private static IntentLookup intents;

	@BeforeAll
	static void loadIntentModel() {
		intents = TestsSheets.realIntentModel();
	}

	private static TestReport run(Workbook workbook) {
		CompiledRules rules = ShippedSheets.compile(List.of(workbook), TestWorkbooks.CLOCK.instant());
		return WorkbookTests.run(rules, List.of(workbook), intents);
	}

	private static WorkbookCompileException malformed(Workbook workbook) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> run(workbook));
		assertThat(error).as("error for a malformed Tests sheet").isNotNull();
		return error;
	}

	@Test
	void eachKindOfMissedExpectationIsReportedAtItsRowAndColumn() {
		TestReport report = run(withTests(TestWorkbooks.shipped(), TITLES,
				row("intent", "message", "Do you deliver to Porto?", null, "pricing"),
				row("reply", "message", "Do you deliver to Porto?", null, null, "returns within 30 days"),
				row("state", "message", "Do you deliver to Porto?", null, null, null, "flow:design_project"),
				row("escalate", "message", "Can I talk to a real person?", null, null, null, null, "no"),
				row("all met", "message", "Do you deliver to Porto?", null, "shipping", "SAME DAY", "none", "no")));

		assertThat(report.passed()).isEqualTo(1);
		assertThat(report.failures()).extracting(TestFailure::row, TestFailure::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "E"), org.assertj.core.groups.Tuple.tuple(3, "F"),
					org.assertj.core.groups.Tuple.tuple(4, "G"), org.assertj.core.groups.Tuple.tuple(5, "H"));
		assertThat(report.failures().get(0).message())
			.matches("lumen-oak.xlsx, sheet Tests, row 2, column E: expected intent \"pricing\", got \"shipping\""
					+ " \\(confidence [01]\\.\\d\\d\\)");
		assertThat(report.failures().get(0)).extracting(TestFailure::expected, TestFailure::actual)
			.containsExactly("pricing", "shipping");
		assertThat(report.failures().get(1).message())
			.startsWith("lumen-oak.xlsx, sheet Tests, row 3, column F: expected the reply to contain"
					+ " \"returns within 30 days\", got \"Good news for Porto!")
			.endsWith("(from Replies row 23)");
		assertThat(report.failures().get(2).message())
			.isEqualTo("lumen-oak.xlsx, sheet Tests, row 4, column G: expected next state \"flow:design_project\","
					+ " got none (from Replies row 23)");
		assertThat(report.failures().get(3).message())
			.isEqualTo("lumen-oak.xlsx, sheet Tests, row 5, column H: expected escalate no, got yes"
					+ " (from Replies row 35, handed over by Escalations row 9)");
		assertThat(report.summary()).isEqualTo("1 passed, 4 failed");
		assertThat(report.allPassed()).isFalse();
	}

	@Test
	void aTurnMissingSeveralExpectationsCountsAsOneFailedTurnWithAFailurePerCell() {
		TestReport report = run(withTests(TestWorkbooks.shipped(), TITLES,
				row("two misses", "message", "Do you deliver to Porto?", null, "pricing", "cushions")));

		assertThat(report.failures()).extracting(TestFailure::column).containsExactly("E", "F");
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.summary()).isEqualTo("0 passed, 1 failed");
	}

	@Test
	void noReplyExpectedAndAReplyExpectedAreCheckedBothWays() {
		// Without its catch-all row the shipped table answers nothing it does not
		// understand.
		Workbook withoutCatchAll = TestWorkbooks.shippedWith("G43", null, "H43", null, "K43", null, "P43", null, "Q43",
				null, "R43", null, "S43", null);
		TestReport report = run(
				withTests(withoutCatchAll, TITLES, row("silent", "message", "blorp fizzle", null, "unknown", "(none)"),
						row("answer expected", "message", "blorp fizzle", null, null, "didn't quite get that"),
						row("silence expected", "message", "Do you deliver to Porto?", null, null, "(none)")));

		assertThat(report.passed()).isEqualTo(1);
		assertThat(report.failures()).extracting(TestFailure::row).containsExactly(3, 4);
		assertThat(report.failures().get(0).message())
			.isEqualTo("lumen-oak.xlsx, sheet Tests, row 3, column F: expected a reply containing"
					+ " \"didn't quite get that\", got no reply (no row matched)");
		assertThat(report.failures().get(1).message())
			.startsWith("lumen-oak.xlsx, sheet Tests, row 4, column F: expected no reply, got \"Good news for Porto!")
			.endsWith("…\" (from Replies row 23)");
		assertThat(report.failures().get(1).actual()).endsWith("any time we're open.");
	}

	@Test
	void theStateATurnLeavesIsTheStateOfTheNextTurnOfTheSameConversationOnly() {
		TestReport report = run(withTests(TestWorkbooks.shipped(), TITLES,
				row("booking", "message", "I'd like to book a design consultation", null, "booking", null,
						"flow:design_project"),
				row("booking", "message", "Could we do the consultation on Friday instead?", null, "booking",
						"You're already booking your free consultation", "flow:design_project"),
				row("someone else", "message", "Could we do the consultation on Friday instead?", null, "booking",
						"Lovely! Our interior designers", "flow:design_project")));

		assertThat(report.failures()).isEmpty();
		assertThat(report.passed()).isEqualTo(3);
	}

	@Test
	void tagsAndAttributesATurnLeavesCarryOverToTheNextTurn() {
		// Thanks are answered only for customers who mentioned the shop in a story: the
		// story-mention row tags them.
		Workbook thanksAfterMention = TestWorkbooks.shippedWith("F38", "story_mention");
		TestReport report = run(withTests(thanksAfterMention,
				row("Conversation", "Attributes", "Event", "Text", "Expect reply contains", "Expect escalate"),
				row("mentioned us", "first_name=Ana", "story_mention", null, "in your story, Ana", "no"),
				row("mentioned us", null, "message", "Thank you so much!", "You're very welcome, Ana!", "no"),
				row("never mentioned us", null, "message", "Thank you so much!", "didn't quite get that", "no")));

		assertThat(report.failures()).isEmpty();
		assertThat(report.passed()).isEqualTo(3);
	}

	@Test
	void afterAHandoverTheBotStaysSilentForTheRestOfTheConversation() {
		TestReport report = run(withTests(TestWorkbooks.shipped(),
				row("Conversation", "Text", "Expect reply contains", "Expect escalate"), row("wants a person",
						"Can I talk to someone from your team please?", "A teammate will reply here", "yes"),
				row("wants a person", "Thank you so much!", "You're very welcome", "no")));

		assertThat(report.failures()).extracting(TestFailure::message)
			.containsExactly("lumen-oak.xlsx, sheet Tests, row 3, column C: expected a reply containing"
					+ " \"You're very welcome\", got no reply (a person has had the conversation since row 2, so the"
					+ " bot stays silent)");
	}

	@Test
	void aTurnIsSentAsTheConversationSendsItsEvent() {
		TestReport report = run(withTests(TestWorkbooks.shipped(),
				row("Event", "Text", "Payload", "State", "Tags", "Expect intent", "Expect reply contains",
						"Expect next state"),
				// A postback's text is its button title, never classified.
				row("postback", "Can I talk to a real person?", "ICEBREAKER_SHIPPING", null, null, "none",
						"our own furniture carrier"),
				// A referral's ref is matched like a payload.
				row("referral", null, "MENU_HUMAN", null, null, "none", "A teammate will reply here"),
				row("story_mention", null, null, "flow:design_project", "vip", "none", "your story",
						"flow:design_project"),
				row("attachment", null, null, "none", null, "none", "Thanks for the picture", "none")));

		assertThat(report.failures()).isEmpty();
		assertThat(report.passed()).isEqualTo(4);
	}

	@Test
	void aWorkbookWithoutATestsSheetHasNoTests() {
		TestReport report = run(TestsSheets.withoutTests(TestWorkbooks.shipped()));

		assertThat(report.passed()).isZero();
		assertThat(report.allPassed()).isTrue();
		assertThat(report.summary()).isEqualTo("0 passed, 0 failed");
	}

	@Test
	void theTestsSheetIsNotReadAsADecisionTable() {
		CompiledRules rules = ShippedSheets.compile(List.of(TestWorkbooks.shipped()), TestWorkbooks.CLOCK.instant());

		assertThat(rules.rowsByRule().values()).extracting(FiredRow::sheet).containsOnly("Replies");
	}

	@Test
	void anUnknownColumnTitleIsRefusedAtItsCell() {
		WorkbookCompileException error = malformed(withTests(TestWorkbooks.shipped(),
				row("Conversation", "Text", "Expected intent"), row("a", "Hi there!", "greeting")));

		assertThat(error.getMessage())
			.startsWith("lumen-oak.xlsx, sheet Tests, row 1, column C: unknown column title 'Expected intent'.")
			.contains("Fix: ")
			.contains("Expect intent");
		assertThat(error).extracting(WorkbookCompileException::row, WorkbookCompileException::column)
			.containsExactly(1, "C");
	}

	@Test
	void titlesAreMatchedInAnyOrderAndCase() {
		TestReport report = run(withTests(TestWorkbooks.shipped(), row("EXPECT INTENT", " text ", "conversation"),
				row("greeting", "Hi there!", "a")));

		assertThat(report.passed()).isEqualTo(1);
	}

	@Test
	void anAttributesCellWithoutNameAndValueIsRefusedAtItsCell() {
		WorkbookCompileException error = malformed(withTests(TestWorkbooks.shipped(),
				row("Text", "Attributes", "Expect intent"), row("Hi there!", "first_name=Ana", "greeting"),
				row("Hi there!", "first_name Ana", "greeting")));

		assertThat(error.getMessage()).startsWith(
				"lumen-oak.xlsx, sheet Tests, row 3, column B: the attribute 'first_name Ana' has no name=value.");
	}

	@Test
	void anUnknownEventIsRefusedAtItsCell() {
		WorkbookCompileException error = malformed(withTests(TestWorkbooks.shipped(),
				row("Conversation", "Event", "Text"), row("a", "message", "Hi"), null, row("b", "dm", "Hi")));

		assertThat(error.getMessage()).startsWith("lumen-oak.xlsx, sheet Tests, row 4, column B: unknown event 'dm'.")
			.contains("story_mention");
	}

	@Test
	void anExpectationThatCanNeverBeMetIsRefusedAtItsCell() {
		assertThat(malformed(withTests(TestWorkbooks.shipped(), row("Text", "Expect intent"), row("Hi", "shiping")))
			.getMessage()).startsWith("lumen-oak.xlsx, sheet Tests, row 2, column B: unknown intent 'shiping'.");
		assertThat(malformed(withTests(TestWorkbooks.shipped(), row("Text", "Expect escalate"), row("Hi", "maybe")))
			.getMessage()).startsWith("lumen-oak.xlsx, sheet Tests, row 2, column B: expect escalate is 'maybe'.");
	}

}
