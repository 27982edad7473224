package dev.dmbot.server.rules;

/**
 * A decision-table workbook that cannot be used, located to the cell an analyst has to
 * change.
 * <p>
 * Permanent: retrying does not help, the workbook has to be fixed. The message reads like
 * {@code lumen-oak.xlsx, sheet Replies, row 14, column E: ... Fix: ...}.
 */
public class WorkbookCompileException extends RuntimeException {

	private final String workbook;

	private final String sheet;

	private final int row;

	private final String column;

	WorkbookCompileException(String workbook, String sheet, int row, String column, String problem, String fix) {
		this(workbook, sheet, row, column, problem, fix, null);
	}

	WorkbookCompileException(String workbook, String sheet, int row, String column, String problem, String fix,
			Throwable cause) {
		super(location(workbook, sheet, row, column) + ": " + problem + ((fix != null) ? " Fix: " + fix : ""), cause);
		this.workbook = workbook;
		this.sheet = sheet;
		this.row = row;
		this.column = column;
	}

	private static String location(String workbook, String sheet, int row, String column) {
		StringBuilder location = new StringBuilder(workbook);
		if (sheet != null) {
			location.append(", sheet ").append(sheet);
		}
		if (row > 0) {
			location.append(", row ").append(row);
		}
		if (column != null) {
			location.append(", column ").append(column);
		}
		return location.toString();
	}

	/** The workbook's file name. */
	public String workbook() {
		return this.workbook;
	}

	/** The sheet's name, {@code null} when the problem is not in one sheet. */
	public String sheet() {
		return this.sheet;
	}

	/** The 1-based row as Excel shows it, 0 when unknown. */
	public int row() {
		return this.row;
	}

	/** The column letter as Excel shows it, {@code null} when unknown. */
	public String column() {
		return this.column;
	}

}
