package dev.dmbot.server.workbook;

/**
 * The spreadsheet row behind a rule that fired, as an analyst finds it in Excel.
 *
 * @param workbook the workbook's file name
 * @param sheet the sheet's name
 * @param row the 1-based row number Excel shows
 */
public record FiredRow(String workbook, String sheet, int row) {

	@Override
	public String toString() {
		return this.workbook + " › " + this.sheet + " › row " + this.row;
	}

}
