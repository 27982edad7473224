package dev.dmbot.server.workbook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A workbook set that compiles but fails rows of its own {@code Tests} sheet, so it may
 * not go live. Located at the first failing cell; {@link #report()} has all of them.
 */
public class WorkbookTestsFailedException extends WorkbookCompileException {

	private static final int LISTED = 5;

	private final TestReport report;

	WorkbookTestsFailedException(TestReport report) {
		this(report, report.failures().get(0));
	}

	private WorkbookTestsFailedException(TestReport report, TestFailure first) {
		super(first.workbook(), first.sheet(), first.row(), first.column(), first.expected(), problem(report),
				"change the rules so the conversation gets the expected answer, or correct the expectation if the "
						+ "rules are right; nothing went live.",
				null);
		this.report = report;
	}

	private static String problem(TestReport report) {
		List<TestFailure> failures = report.failures();
		String listed = failures.stream()
			.limit(LISTED)
			.map((failure) -> "row " + failure.row() + ", column " + failure.column() + ": expected "
					+ failure.expected() + ", got " + failure.actual())
			.collect(Collectors.joining("; "));
		return "the Tests sheet fails (" + report.summary() + "): " + listed
				+ (failures.size() > LISTED ? "; and " + (failures.size() - LISTED) + " more" : "") + ".";
	}

	/** Every test turn's outcome. */
	public TestReport report() {
		return this.report;
	}

}
