package dev.dmbot.server.workbook;

import dev.dmbot.server.system.PermanentException;

/** An upload that is not an {@code .xlsx} workbook at all, or has an unusable name. */
public class NotAWorkbookException extends PermanentException {

	NotAWorkbookException(String message) {
		super(message, null);
	}

}
