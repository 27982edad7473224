package dev.dmbot.server.workbook;

import dev.dmbot.server.system.PermanentException;

/** A rules version number that was never stored. */
public class UnknownRulesVersionException extends PermanentException {

	UnknownRulesVersionException(int number) {
		super("There is no rules version " + number + "; list the versions to see which exist.", null);
	}

	UnknownRulesVersionException(int number, String workbook) {
		super("Rules version " + number + " has no workbook named " + workbook
				+ "; list the versions to see which workbooks each holds.", null);
	}

}
