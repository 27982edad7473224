package dev.dmbot.server.flows;

import static dev.dmbot.server.workbook.FlowWorkbooks.designShop;
import static dev.dmbot.server.workbook.FlowWorkbooks.designShopWithFlowCell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.flows.Expect;
import dev.dmbot.server.flows.Flow;
import dev.dmbot.server.flows.FlowStep;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.WorkbookBuilder;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.flows.Flows;

/**
 * The Flows sheet as analysts write it: what it compiles to, and each mistake located to
 * its cell with what is wrong and how to fix it.
 */
class FlowsSheetChecksTest {

	private static WorkbookCompileException compileError(WorkbookBuilder workbook) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class,
				() -> ShippedSheets.compile(List.of(workbook.build()), TestWorkbooks.CLOCK.instant()));
		assertThat(error).as("compile error").isNotNull();
		return error;
	}

	@Test
	void theFlowIsReadStepByStepWithItsEnding() {
		Flow flow = Flows.of(ShippedSheets.compile(List.of(designShop().build()), TestWorkbooks.CLOCK.instant()))
			.flow("design_project")
			.orElseThrow();

		assertThat(flow.steps()).extracting(FlowStep::name)
			.containsExactly("project_type", "budget", "city", "name", "email");
		FlowStep budget = flow.step("budget").orElseThrow();
		assertThat(budget.expect()).isEqualTo(Expect.MONEY);
		assertThat(budget.min()).isEqualByComparingTo("300");
		assertThat(budget.max()).isEqualByComparingTo("5000000");
		assertThat(budget.row()).isEqualTo(3);
		assertThat(flow.step("project_type").orElseThrow().options().get(1).synonyms()).containsExactly("renovate",
				"remodel");
		assertThat(flow.step("email").orElseThrow().attempts()).isEqualTo(2);
		assertThat(flow.step("city").orElseThrow().attempts()).isEqualTo(3);
		assertThat(flow.ending().escalateAtScore()).isEqualTo(100);
		assertThat(flow.ending().team()).isEqualTo("sales");
		assertThat(flow.ending().resumeWithin()).isEqualTo(Duration.ofDays(7));
		assertThat(flow.ending().cancelWords()).contains("cancel", "stop", "cancelar");
	}

	private static WorkbookBuilder withBudgetReminder(String cell) {
		String[][] rows = FlowWorkbooks.flowRows();
		rows[0] = java.util.stream.Stream
			.concat(java.util.Arrays.stream(FlowWorkbooks.STEP_TITLES), java.util.stream.Stream.of("Follow up"))
			.toArray(String[]::new);
		rows[2] = java.util.Arrays.copyOf(rows[2], 12);
		rows[2][11] = cell;
		return FlowWorkbooks.replies().flowRows(rows);
	}

	@Test
	void aStepsFollowUpIsItsReminderAndIsCheckedLikeARepliesFollowUp() {
		Flow flow = Flows
			.of(ShippedSheets.compile(List.of(withBudgetReminder("1 hour: Still there, {{first_name|there}}?").build()),
					TestWorkbooks.CLOCK.instant()))
			.flow("design_project")
			.orElseThrow();
		assertThat(flow.step("budget").orElseThrow().nudgeAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(flow.step("budget").orElseThrow().nudge()).isEqualTo("Still there, {{first_name|there}}?");
		assertThat(flow.step("city").orElseThrow().nudge()).isNull();

		WorkbookCompileException tooLate = compileError(withBudgetReminder("2 days: Still there?"));
		assertThat(tooLate.location()).isEqualTo("shop.xlsx, sheet Flows, row 3, column L");
		assertThat(tooLate.problem()).contains("outside the 24 hours");
		assertThat(compileError(withBudgetReminder("Still there?")).problem())
			.isEqualTo("a follow-up needs a delay and a message, separated by a colon.");
		assertThat(compileError(withBudgetReminder("1 hour: Hi {{slot.colour}}")).problem())
			.contains("slot \"colour\"");
	}

	@Test
	void anUnknownKindOfAnswerSuggestsTheClosest() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("E6", "emial"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 6, column E");
		assertThat(error.problem()).isEqualTo("unknown kind of answer \"emial\" — did you mean \"email\"?");
		assertThat(error.fix()).isEqualTo("write one of text, email, phone, number, money, date, choice, product.");
	}

	@Test
	void aStartFlowCellNamingNoFlowIsLocatedInTheRepliesSheet() {
		WorkbookCompileException error = compileError(FlowWorkbooks.replies()
			.rule("B", "payment", "G", "Let's see.", "L", "design_projet")
			.flowRows(FlowWorkbooks.flowRows()));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 21, column L");
		assertThat(error.problem())
			.isEqualTo("no Flows sheet defines a flow named \"design_projet\" — did you mean \"design_project\"?");
	}

	@Test
	void aNextCellNamingAMissingStepIsRejected() {
		WorkbookCompileException error = compileError(
				designShopWithFlowCell("J2", "renovation -> budgte; else -> city"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 2, column J");
		assertThat(error.problem())
			.isEqualTo("flow design_project has no step named budgte — did you mean \"budget\"?");
	}

	@Test
	void aBranchOnAValueThatIsNoOptionIsRejected() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("J2", "renovaton -> city"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 2, column J");
		assertThat(error.problem()).startsWith("\"renovaton\" is not the value of an option");
	}

	@Test
	void aComparisonOnAChoiceIsRejected() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("K2", ">= 10 -> 5"));

		assertThat(error.problem()).isEqualTo("\">= 10\" compares numbers, but the step expects choice.");
	}

	@Test
	void aSlotVariableNoFlowFillsIsRejectedInReplies() {
		WorkbookCompileException error = compileError(FlowWorkbooks.replies()
			.rule("B", "payment", "G", "Your budget: {{slot.budjet}}")
			.flowRows(FlowWorkbooks.flowRows()));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Replies, row 21, column G");
		assertThat(error.problem())
			.isEqualTo("{{slot.budjet}} names slot \"budjet\", which no flow fills — did you mean \"budget\"?");
	}

	@Test
	void aSlotVariableInAQuestionIsCheckedToo() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("C5", "What name, {{slot.cty}}?"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 5, column C");
		assertThat(error.problem()).startsWith("{{slot.cty}} names slot \"cty\"");
	}

	@Test
	void aFlowWithoutAnEndingsRowIsRejectedAtItsFirstStep() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("A9", "design_projects"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 9, column A");
		assertThat(error.problem()).isEqualTo(
				"this endings row is for flow \"design_projects\", which has no steps — did you mean \"design_project\"?");
	}

	@Test
	void anUnknownColumnTitleIsRejected() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("H1", "Reask text"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 1, column H");
		assertThat(error.problem()).startsWith("unknown column title \"Reask text\"");
	}

	@Test
	void anOptionTitleOverInstagramsLimitIsRejected() {
		WorkbookCompileException error = compileError(
				designShopWithFlowCell("F2", "A brand new home for us>new home; Renovation>renovation"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 2, column F");
		assertThat(error.problem()).startsWith("option title 'A brand new home for us' has 23 characters");
	}

	@Test
	void aRangeThatCannotBeReadIsRejected() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("F3", "from 300"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 3, column F");
		assertThat(error.fix()).contains("min-max");
	}

	@Test
	void aTimeThatCannotBeReadIsRejected() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("H9", "a week"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 9, column H");
		assertThat(error.fix()).contains("7 days");
	}

	@Test
	void twoStepsWithOneNameAreRejected() {
		WorkbookCompileException error = compileError(designShopWithFlowCell("B4", "budget"));

		assertThat(error.location()).isEqualTo("shop.xlsx, sheet Flows, row 4, column B");
		assertThat(error.problem()).isEqualTo("flow design_project has two steps named budget.");
	}

	@Test
	void theFlowStateCountsAsAStateRowsMayMatch() {
		CompiledRules rules = ShippedSheets.compile(List.of(FlowWorkbooks.replies()
			.rule("B", "payment", "C", "flow:design_project", "G", "Pay when you book.")
			.flowRows(FlowWorkbooks.flowRows())
			.build()), TestWorkbooks.CLOCK.instant());

		assertThat(Flows.of(rules).all()).hasSize(1);
	}

}
