package dev.dmbot.server.workbook;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of running the {@code Tests} sheets of a set of workbooks.
 *
 * @param passed how many test turns met every expectation
 * @param failures every expectation that was not met, in sheet order; a turn that misses
 * several expectations has one failure per cell
 */
public record TestReport(int passed, List<TestFailure> failures) {

	public TestReport {
		failures = List.copyOf(failures);
	}

	/** How many test turns missed at least one expectation. */
	public int failed() {
		return (int) this.failures.stream()
			.map((failure) -> List.of(failure.workbook(), failure.sheet(), failure.row()))
			.distinct()
			.count();
	}

	/** Whether every test turn passed; {@code true} when there were none. */
	public boolean allPassed() {
		return this.failures.isEmpty();
	}

	/** {@code N passed, M failed}. */
	public String summary() {
		return String.format(Locale.ROOT, "%d passed, %d failed", this.passed, failed());
	}

}
