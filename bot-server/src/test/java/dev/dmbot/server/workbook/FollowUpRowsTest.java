package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.ShippedSheets;

/**
 * The Follow up column of the Replies sheet: how a cell reads and what a load rejects.
 */
class FollowUpRowsTest {

	private static CompiledRules compiles(Workbook workbook) {
		return ShippedSheets.compile(List.of(workbook), TestWorkbooks.CLOCK.instant());
	}

	private static WorkbookCompileException rejected(String cell) {
		Workbook workbook = workbook("shop.xlsx").rule("B", "pricing", "G", "Cushions start at €24.", "N", cell)
			.build();
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compiles(workbook));
		assertThat(error).as("compile error for " + cell).isNotNull();
		assertThat(error.getMessage()).contains("column N");
		return error;
	}

	private static DecisionRequest pricing() {
		return new DecisionRequest("message", "pricing", 0.9, "how much?", null, null, "", Set.of(), 1, Map.of());
	}

	@Test
	void aFollowUpCellReadsAsDelayColonText() {
		assertThat(FollowUp.parse("2 hours: Still thinking, {{first_name|there}}? I can hold one: just say so"))
			.contains(new FollowUp(Duration.ofHours(2),
					"Still thinking, {{first_name|there}}? I can hold one: just say so"));
		assertThat(FollowUp.parse("30 minutes:Hi")).contains(new FollowUp(Duration.ofMinutes(30), "Hi"));
		assertThat(FollowUp.parse("Hi there")).isEmpty();
		assertThat(FollowUp.parse("soon: Hi")).isEmpty();
		assertThat(FollowUp.parse("2 hours:   ")).isEmpty();
	}

	@Test
	void aRowWithAFollowUpDecidesIt() {
		CompiledRules rules = compiles(workbook("shop.xlsx")
			.rule("B", "pricing", "G", "Cushions start at €24.", "N", "2 hours: Still thinking about it? 🙂")
			.build());

		Decision decision = rules.decide(pricing());

		assertThat(decision.followUp()).isEqualTo(new FollowUp(Duration.ofHours(2), "Still thinking about it? 🙂"));
		assertThat(rules
			.decide(new DecisionRequest("message", "greeting", 0.9, "hi", null, null, "", Set.of(), 1, Map.of()))
			.followUp()).isNull();
	}

	@Test
	void aFollowUpWithoutAColonOrMessageIsRejected() {
		assertThat(rejected("Still thinking about it?").getMessage()).contains("separated by a colon");
		assertThat(rejected("2 hours:").getMessage()).contains("no message after the colon");
	}

	@Test
	void aDelayThatIsNotALengthOfTimeIsRejected() {
		assertThat(rejected("later: Still thinking about it?").getMessage())
			.contains("\"later\" is not a length of time");
	}

	@Test
	void aDelayOf24HoursOrMoreIsRejectedBecauseTheWindowWouldBeClosed() {
		assertThat(rejected("24 hours: Still thinking about it?").getMessage()).contains("outside the 24 hours")
			.contains("from 1 minute to 23 hours");
		assertThat(rejected("2 days: Still thinking about it?").getMessage()).contains("outside the 24 hours");
		compiles(workbook("shop.xlsx").rule("B", "pricing", "G", "Hi", "N", "23 hours: Still there?").build());
	}

	@Test
	void aFollowUpTextOver1000BytesOrWithAnUnknownVariableIsRejected() {
		assertThat(rejected("2 hours: " + "é".repeat(501)).getMessage()).contains("1002 bytes");
		assertThat(rejected("2 hours: Hi {{frist_name}}").getMessage()).contains("unknown variable {{frist_name}}");
	}

	@Test
	void aCommentRowCannotFollowUp() {
		Workbook workbook = workbook("shop.xlsx")
			.rule("A", "comment", "D", "price", "G", "Prices are on our site.", "N", "2 hours: Still there?")
			.build();
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compiles(workbook));
		assertThat(error.getMessage()).contains("a follow-up would have nobody to go to");
	}

}
