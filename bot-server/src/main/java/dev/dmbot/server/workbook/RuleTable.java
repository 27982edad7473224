package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * One {@code RuleTable} block of a sheet, laid out the way Drools reads it: the
 * {@code RuleTable} cell, then a row of column types (CONDITION, ACTION), a row of fact
 * types, a row of code, a row of titles, then one row per rule until the first empty row.
 * Rows and columns here are 0-based, as POI counts them.
 *
 * @param sheet the sheet holding the table
 * @param headerRow the row of the {@code RuleTable} cell
 * @param columns the table's columns, left to right
 * @param firstDataRow the first rule row
 * @param lastDataRow the last rule row, {@code firstDataRow - 1} when the table has none
 */
public record RuleTable(Sheet sheet, int headerRow, List<Column> columns, int firstDataRow, int lastDataRow) {

	private static final DataFormatter FORMATTER = new DataFormatter();

	public static final int TYPE_ROW = 1;

	public static final int CODE_ROW = 3;

	public static final int TITLE_ROW = 4;

	/** Every rule table in the sheet, top to bottom. */
	public static List<RuleTable> in(Sheet sheet) {
		List<RuleTable> tables = new ArrayList<>();
		for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			for (Cell cell : row) {
				if (text(cell).trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
					RuleTable table = read(sheet, r, cell.getColumnIndex());
					tables.add(table);
					r = Math.max(r, table.lastDataRow());
					break;
				}
			}
		}
		return tables;
	}

	private static RuleTable read(Sheet sheet, int headerRow, int startColumn) {
		List<Column> columns = new ArrayList<>();
		Row types = sheet.getRow(headerRow + TYPE_ROW);
		if (types != null) {
			for (int c = startColumn; c < types.getLastCellNum(); c++) {
				String type = text(sheet, headerRow + TYPE_ROW, c).trim();
				if (!type.isEmpty()) {
					columns.add(new Column(c, type.toUpperCase(Locale.ROOT),
							text(sheet, headerRow + CODE_ROW, c).trim(), text(sheet, headerRow + TITLE_ROW, c).trim()));
				}
			}
		}
		int first = headerRow + TITLE_ROW + 1;
		int last = first - 1;
		while (!columns.isEmpty() && !isEmpty(sheet, last + 1, columns)) {
			last++;
		}
		return new RuleTable(sheet, headerRow, List.copyOf(columns), first, last);
	}

	private static boolean isEmpty(Sheet sheet, int row, List<Column> columns) {
		return columns.stream().allMatch((column) -> text(sheet, row, column.index()).isBlank());
	}

	/** The table's name as written after {@code RuleTable}. */
	public String name() {
		return text(this.sheet, this.headerRow, this.columns.isEmpty() ? 0 : this.columns.get(0).index()).trim()
			.substring("RuleTable".length())
			.trim();
	}

	/** The cell's text as the analyst sees it, {@code ""} when the cell is empty. */
	public String text(int row, Column column) {
		return text(this.sheet, row, column.index());
	}

	public Cell cell(int row, Column column) {
		Row r = this.sheet.getRow(row);
		return (r != null) ? r.getCell(column.index()) : null;
	}

	public static String text(Sheet sheet, int row, int column) {
		Row r = sheet.getRow(row);
		return (r != null) ? text(r.getCell(column)) : "";
	}

	private static String text(Cell cell) {
		return (cell != null) ? FORMATTER.formatCellValue(cell) : "";
	}

	/**
	 * One column of the table.
	 *
	 * @param index 0-based column index
	 * @param type CONDITION, ACTION or another Drools column type, upper case
	 * @param code the snippet in the code row, e.g. {@code intentIs("$param")}
	 * @param title the analyst's title, e.g. {@code Intent}
	 */
	public record Column(int index, String type, String code, String title) {

		/** The column letter as Excel shows it. */
		public String letter() {
			return CellReference.convertNumToColString(this.index);
		}

		/** Whether the code calls the named method, e.g. {@code calls("intentIs")}. */
		public boolean calls(String method) {
			return this.code.matches("(?s).*\\b" + method + "\\s*\\(.*");
		}

		/**
		 * Whether a cell's text lands inside a Java string literal, where quotes and line
		 * breaks must be escaped.
		 */
		public boolean quotesValue() {
			return this.code.contains("\"$param\"");
		}

		public boolean isCondition() {
			return "CONDITION".equals(this.type);
		}

		public boolean isAction() {
			return "ACTION".equals(this.type);
		}

	}

}
