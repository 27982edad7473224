package dev.dmbot.server.workbook;

/**
 * One expectation of a {@code Tests} sheet row that the rules did not meet, located to
 * the cell that holds the expectation.
 *
 * @param workbook the workbook's file name
 * @param sheet the sheet's name, {@code Tests}
 * @param row the 1-based row as Excel shows it
 * @param column the column letter of the expectation, e.g. {@code H}
 * @param expected what the cell expects, as written
 * @param actual what the rules and the intent model produced
 * @param message the whole story for an analyst, e.g. {@code lumen-oak.xlsx, sheet Tests,
 * row 7, column H: expected intent "pricing", got "shipping" (confidence 0.93)}
 */
public record TestFailure(String workbook, String sheet, int row, String column, String expected, String actual,
		String message) {

	@Override
	public String toString() {
		return this.message;
	}

}
