package dev.dmbot.server.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The server's jar as a tool for analysts and CI: {@code validate} and {@code test} check
 * workbooks without starting a server, Redis or Spring.
 * <p>
 * Exit codes: 0 all good, 1 a workbook is broken or a test failed, 2 a file cannot be
 * read or the command line is wrong.
 */
public final class RulesCommandLine {

	private static final List<String> COMMANDS = List.of("validate", "test");

	private RulesCommandLine() {
	}

	/** Whether {@code args} ask for a command of this tool rather than the server. */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Runs the command {@code args} name and returns the process exit code. */
	public static int run(String[] args) {
		return commandLine().execute(args);
	}

	static CommandLine commandLine() {
		return new CommandLine(new Commands()).addSubcommand(new ValidateCommand()).addSubcommand(new TestCommand());
	}

	@Command(name = "java -jar bot-server.jar",
			description = "Checks decision-table workbooks without starting the server.")
	static final class Commands {

	}

}
