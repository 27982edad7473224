package dev.dmbot.server.workbook;

/**
 * Where a cell of a sheet is, and what it says as the analyst sees it: what the sheet
 * readers of features point at when a cell is wrong.
 *
 * @param workbook the file name
 * @param sheet the sheet's name
 * @param row the 1-based row
 * @param column the column letter, {@code null} when the problem is a missing cell
 * @param value the cell's text
 */
public record SheetCell(String workbook, String sheet, int row, String column, String value) {

	/** The error to show for this cell; its value only when there is a cell. */
	public WorkbookCompileException error(String problem, String fix) {
		return new WorkbookCompileException(this.workbook, this.sheet, this.row, this.column,
				(this.column != null) ? this.value : null, problem, fix, null);
	}

	/** {@code lumen-oak.xlsx, sheet Flows, row 4}, for messages that point elsewhere. */
	public String where() {
		return this.workbook + ", sheet " + this.sheet + ", row " + this.row;
	}

}
