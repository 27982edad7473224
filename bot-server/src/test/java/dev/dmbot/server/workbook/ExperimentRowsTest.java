package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.ShippedSheets;

/**
 * A/B-tested replies: how a Reply cell with wordings reads, what a load rejects, and the
 * wording a decision answers with.
 */
class ExperimentRowsTest {

	private static final String TESTED = "A: Cushions start at €24.\nB (30%): Our cushions cost from €24,\nin linen or wool.";

	private static CompiledRules compiles(Workbook workbook) {
		return ShippedSheets.compile(List.of(workbook), TestWorkbooks.CLOCK.instant());
	}

	private static WorkbookCompileException rejected(Workbook workbook) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compiles(workbook));
		assertThat(error).isNotNull();
		return error;
	}

	private static WorkbookCompileException rejectedReply(String reply) {
		return rejected(workbook("shop.xlsx").rule("B", "pricing", "G", reply).build());
	}

	private static DecisionRequest pricing() {
		return new DecisionRequest("message", "pricing", 0.9, "how much?", null, null, "", Set.of(), 1, Map.of());
	}

	@Test
	void wordingsReadAsLabelledLinesWithSharesOrAnEvenSplit() {
		assertThat(ReplyVariants.parse(TESTED)).containsExactly(new ReplyVariant("A", 70, "Cushions start at €24."),
				new ReplyVariant("B", 30, "Our cushions cost from €24,\nin linen or wool."));
		assertThat(ReplyVariants.parse("A: one\nB: two\nC: three")).extracting(ReplyVariant::share)
			.containsExactly(34, 33, 33);
	}

	@Test
	void onlyACellStartingWithAColonHoldsWordings() {
		assertThat(ReplyVariants.holdsVariants(TESTED)).isTrue();
		assertThat(ReplyVariants.holdsVariants("Q: do you ship? A: yes")).isFalse();
		assertThat(ReplyVariants.holdsVariants("Hello!\nA: not a wording")).isFalse();
		// A line starts the next wording only with the next letter.
		assertThat(ReplyVariants.parse("A: Sizes:\nC: 40 cm\nB: Our sizes")).extracting(ReplyVariant::text)
			.containsExactly("Sizes:\nC: 40 cm", "Our sizes");
	}

	@Test
	void aLoadNamesTheCellOfWordingsThatDoNotRead() {
		assertThat(rejectedReply("A: Cushions start at €24.").getMessage()).contains("sheet Replies, row 13, column G")
			.contains("no line starts with \"B:\"");
		assertThat(rejectedReply("A (100%): one\nB: two").getMessage()).contains("has a share of 100%");
		assertThat(rejectedReply("A (99%): one\nB: two\nC: three").getMessage())
			.contains("leaving too little for the wordings without one");
		assertThat(rejectedReply("A (60%): one\nB (30%): two").getMessage()).contains("add up to 90%, not 100%")
			.contains("Fix: change the shares");
		assertThat(rejectedReply("A: one\nB:").getMessage()).contains("wording B has no text");
		assertThat(rejectedReply("A: one\nB: Hi {{slot.colour}}").getMessage()).contains("wording B: ")
			.contains("slot \"colour\"");
	}

	@Test
	void anExperimentNameNeedsWordingsAndMustBeUnique() {
		WorkbookCompileException noWordings = rejected(
				workbook("shop.xlsx").rule("B", "pricing", "G", "Cushions start at €24.", "O", "cushions").build());
		assertThat(noWordings.getMessage()).contains("column O")
			.contains("names an experiment, but its Reply has no wordings to test");

		WorkbookCompileException badName = rejected(
				workbook("shop.xlsx").rule("B", "pricing", "G", TESTED, "O", "cushion test!").build());
		assertThat(badName.getMessage()).contains("column O").contains("the experiment name \"cushion test!\"");

		WorkbookCompileException twice = rejected(workbook("shop.xlsx").rule("B", "pricing", "G", TESTED, "O", "price")
			.rule("B", "greeting", "G", "A: Hi\nB: Hello", "O", "price")
			.build());
		assertThat(twice.getMessage()).contains("row 14, column O")
			.contains("the experiment \"price\" is also the test of shop.xlsx › Replies › row 13");
	}

	@Test
	void theDecisionAnswersWithTheChosenWordingAndSaysWhichOne() {
		CompiledRules rules = compiles(workbook("shop.xlsx").rule("B", "pricing", "G", TESTED, "O", "price").build());
		Responder responder = Responder.withDefaults(TestWorkbooks.CLOCK);
		Instant now = TestWorkbooks.CLOCK.instant();

		Response first = responder.respond(rules, pricing(), FlowMemory.EMPTY, now);
		Response second = responder.respond(rules, pricing(), FlowMemory.EMPTY, now, (experiment) -> "B");

		assertThat(first.reply()).isEqualTo("Cushions start at €24.");
		assertThat(first.exposure()).isEqualTo(new Exposure("price", "A"));
		assertThat(second.reply()).isEqualTo("Our cushions cost from €24,\nin linen or wool.");
		assertThat(second.exposure()).isEqualTo(new Exposure("price", "B"));
		assertThat(rules.experiments().values()).singleElement()
			.satisfies((experiment) -> assertThat(experiment.row()).hasToString("shop.xlsx › Replies › row 13"));
	}

	@Test
	void anUnnamedTestIsNamedAfterItsRowAndAnUntestedReplyExposesNothing() {
		CompiledRules rules = compiles(
				workbook("shop.xlsx").rule("B", "pricing", "G", TESTED).rule("B", "greeting", "G", "Hi!").build());

		assertThat(rules.experiments().values()).extracting(Experiment::name).containsExactly("Replies_row_13");
		assertThat(
				Responder.withDefaults(TestWorkbooks.CLOCK)
					.respond(rules,
							new DecisionRequest("message", "greeting", 0.9, "hi", null, null, "", Set.of(), 1,
									Map.of()),
							FlowMemory.EMPTY, TestWorkbooks.CLOCK.instant())
					.exposure())
			.isNull();
	}

}
