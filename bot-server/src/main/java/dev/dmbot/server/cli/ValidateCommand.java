package dev.dmbot.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Command;

import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbook.WorkbookSummary;

/** {@code validate FILE...}: compiles each workbook and reads its Tests sheet. */
@Command(name = "validate",
		description = { "Compiles each workbook and checks its Tests sheet can be read, without running the tests.",
				"Exit code 0 when all are valid, 1 when one is broken, 2 when a file cannot be read." })
final class ValidateCommand extends WorkbookCommand {

	@Override
	int run(List<Workbook> workbooks, PrintWriter out, PrintWriter err) {
		boolean valid = true;
		for (Workbook workbook : workbooks) {
			try {
				ShippedSheets.compile(List.of(workbook), Instant.now());
				WorkbookSummary summary = WorkbookSummary.of(workbook);
				out.println(workbook.name() + ": OK — " + count(summary.tables(), "table") + ", "
						+ count(summary.rows(), "row") + ", " + count(summary.testTurns(), "test turn"));
			}
			catch (WorkbookCompileException ex) {
				err.println(ex.getMessage());
				valid = false;
			}
		}
		if (valid && workbooks.size() > 1) {
			// The server compiles all its workbooks together; two that are fine alone
			// may still clash.
			try {
				ShippedSheets.compile(workbooks, Instant.now());
			}
			catch (WorkbookCompileException ex) {
				err.println("Each workbook compiles on its own, but not together as the server loads them:");
				err.println(ex.getMessage());
				valid = false;
			}
		}
		return valid ? 0 : 1;
	}

	private static String count(int n, String noun) {
		return n + " " + noun + ((n == 1) ? "" : "s");
	}

}
