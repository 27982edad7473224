package dev.dmbot.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.dmbot.server.workbook.Workbook;

/**
 * What {@code validate} and {@code test} share: the workbook files named on the command
 * line, read before anything else, and exit code 2 when one cannot be read.
 */
abstract class WorkbookCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
	private boolean help;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "decision-table workbooks (.xlsx)")
	private List<Path> files;

	@Override
	public final Integer call() {
		PrintWriter err = this.spec.commandLine().getErr();
		List<Workbook> workbooks;
		try {
			workbooks = WorkbookFiles.read(this.files);
		}
		catch (WorkbookFiles.UnreadableFileException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		return run(workbooks, this.spec.commandLine().getOut(), err);
	}

	/** Works on the workbooks that were read; returns the exit code. */
	abstract int run(List<Workbook> workbooks, PrintWriter out, PrintWriter err);

}
