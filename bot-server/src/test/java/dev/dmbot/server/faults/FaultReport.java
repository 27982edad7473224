package dev.dmbot.server.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one row per fault to {@code target/fault-report.md}, the table BENCHMARKS.md
 * copies: the fault, the traffic during it, and what was lost, repeated or reordered.
 */
final class FaultReport {

	static final Path FILE = Path.of("target", "fault-report.md");

	private FaultReport() {
	}

	static void row(String fault, DmStream stream, Answers answers, String notes) {
		row(fault,
				stream.customers().size() + " customers × " + (stream.total() / stream.customers().size()) + " DMs, "
						+ stream.posts() + " deliveries, not acknowledged: " + stream.refusals(),
				stream.acknowledged(), answers.lost(), answers.repeated(), answers.outOfOrder(), notes);
	}

	static synchronized void row(String fault, String traffic, int acknowledged, int lost, int repeated, int outOfOrder,
			String notes) {
		String row = "| " + fault + " | " + traffic + " | " + acknowledged + " | " + lost + " | " + repeated + " | "
				+ outOfOrder + " | " + notes + " |\n";
		try {
			Files.createDirectories(FILE.getParent());
			if (!Files.exists(FILE)) {
				Files.writeString(FILE,
						"| Fault | Traffic during it | Acknowledged | Lost | Repeated | Out of order | Notes |\n"
								+ "|---|---|---|---|---|---|---|\n",
						StandardCharsets.UTF_8);
			}
			Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
