package dev.dmbot.server.workbooktests;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.workbooktests.WorkbookTests;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.TestFailure;
import dev.dmbot.server.workbook.TestReport;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.TestsSheets;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.ShippedSheets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tests sheet of the shipped workbook, run with the real intent model: a change to
 * the rules or the training data that breaks a conversation fails the build, naming the
 * row.
 */
class ShippedWorkbookTestsTest {

	@Test
	void everyTestTurnOfTheShippedWorkbookPasses() {
		List<Workbook> shipped = List.of(TestWorkbooks.shipped());
		CompiledRules rules = ShippedSheets.compile(shipped, TestWorkbooks.CLOCK.instant());

		TestReport report = WorkbookTests.run(rules, shipped, TestsSheets.realIntentModel());

		assertThat(report.failures())
			.withFailMessage(() -> report.summary() + ":\n"
					+ report.failures().stream().map(TestFailure::message).collect(Collectors.joining("\n")))
			.isEmpty();
		assertThat(report.passed()).as("test turns in the shipped Tests sheet").isGreaterThanOrEqualTo(30);
	}

}
