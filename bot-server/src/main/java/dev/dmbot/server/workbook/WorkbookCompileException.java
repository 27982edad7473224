package dev.dmbot.server.workbook;

/**
 * A decision-table workbook that cannot be used, located to the cell an analyst has to
 * change.
 * <p>
 * Permanent: retrying does not help, the workbook has to be fixed. The message reads like
 * {@code lumen-oak.xlsx, sheet Replies, row 14, column C: unknown intent "prcing" — did
 * you mean "pricing"? Fix: use one of greeting, pricing, …}. The parts are also available
 * one by one ({@link #value()}, {@link #problem()}, {@link #fix()}) so that an admin
 * screen can show them side by side.
 */
public class WorkbookCompileException extends RuntimeException {

	private final String workbook;

	private final String sheet;

	private final int row;

	private final String column;

	private final String value;

	private final String problem;

	private final String fix;

	public WorkbookCompileException(String workbook, String sheet, int row, String column, String problem, String fix) {
		this(workbook, sheet, row, column, null, problem, fix, null);
	}

	public WorkbookCompileException(String workbook, String sheet, int row, String column, String problem, String fix,
			Throwable cause) {
		this(workbook, sheet, row, column, null, problem, fix, cause);
	}

	/**
	 * @param value the cell's text as the analyst sees it, {@code null} when the problem
	 * is not one cell's
	 */
	public WorkbookCompileException(String workbook, String sheet, int row, String column, String value, String problem,
			String fix, Throwable cause) {
		super(location(workbook, sheet, row, column) + ": " + problem + ((fix != null) ? " Fix: " + fix : ""), cause);
		this.workbook = workbook;
		this.sheet = sheet;
		this.row = row;
		this.column = column;
		this.value = value;
		this.problem = problem;
		this.fix = fix;
	}

	/**
	 * A workbook that cannot even be opened, or the located error found while reading it.
	 */
	public static WorkbookCompileException unreadable(String workbook, Exception ex) {
		if (ex instanceof WorkbookCompileException located) {
			return located;
		}
		return new WorkbookCompileException(workbook, null, 0, null,
				"cannot be read as an .xlsx workbook (" + ex.getMessage() + ").",
				"open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx).", ex);
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

	/**
	 * Where to look, e.g. {@code lumen-oak.xlsx, sheet Replies, row 14, column C}: the
	 * parts of the location that are known.
	 */
	public String location() {
		return location(this.workbook, this.sheet, this.row, this.column);
	}

	/**
	 * The text of the cell at fault as the analyst sees it in Excel, {@code null} when
	 * the problem is not one cell's (a missing row, a file that is not a workbook).
	 */
	public String value() {
		return this.value;
	}

	/** What is wrong, in plain words, without the location. */
	public String problem() {
		return this.problem;
	}

	/** What to change to fix it, {@code null} when there is no advice. */
	public String fix() {
		return this.fix;
	}

}
