package dev.dmbot.server.workbook;

import java.time.Duration;

import dev.dmbot.server.system.TransientException;

/** Another activation holds the rules lock: try again in a moment. */
public class RulesBusyException extends TransientException {

	RulesBusyException(Duration waited) {
		super("Another rules activation has been running for over " + waited.toSeconds() + " s; try again in a moment.",
				null);
	}

}
