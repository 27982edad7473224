package dev.dmbot.server.workbook;

import java.util.List;
import java.util.Optional;

/**
 * Plays the Tests sheets of a workbook set against its compiled rules, the way live
 * conversations would be answered. Playing a conversation takes the flows, the escalation
 * policy and the intent model, none of which this package knows, so the activation asks
 * for it through this interface.
 */
@FunctionalInterface
public interface TestsSheetRunner {

	/**
	 * @param rules the compiled rules to check, compiled from {@code workbooks}
	 * @param workbooks the workbooks whose Tests sheets to run
	 * @return the passed count and every failed expectation; empty when nothing can play
	 * them here (a slice of the application without the intent model)
	 * @throws WorkbookCompileException when a Tests sheet cannot be read, naming the cell
	 */
	Optional<TestReport> run(CompiledRules rules, List<Workbook> workbooks);

}
