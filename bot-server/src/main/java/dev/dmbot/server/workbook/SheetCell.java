package dev.dmbot.server.workbook;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

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

	/**
	 * The cell at the 0-based {@code row} and {@code column} of {@code sheet}, its text
	 * as {@link #text(Sheet, int, int)} reads it.
	 */
	public static SheetCell at(String workbook, String sheetName, Sheet sheet, int row, int column) {
		return new SheetCell(workbook, sheetName, row + 1, CellReference.convertNumToColString(column),
				text(sheet, row, column));
	}

	/**
	 * One row of a table whose columns are found by their titles: a cell per title, an
	 * empty one (no column letter, so an error points at the row) where the sheet has no
	 * such column.
	 * @param columns the 0-based column of each title the header has
	 */
	public static <T extends Enum<T>> Map<T, SheetCell> row(String workbook, String sheetName, Sheet sheet, int row,
			Map<T, Integer> columns, Class<T> titles) {
		Map<T, SheetCell> cells = new EnumMap<>(titles);
		for (T title : titles.getEnumConstants()) {
			Integer column = columns.get(title);
			cells.put(title, (column == null) ? new SheetCell(workbook, sheetName, row + 1, null, "")
					: at(workbook, sheetName, sheet, row, column));
		}
		return cells;
	}

	/** Whether every one of {@code columns} is empty in the 0-based {@code row}. */
	public static boolean blank(Sheet sheet, int row, Collection<Integer> columns) {
		return columns.stream().allMatch((column) -> text(sheet, row, column).isEmpty());
	}

	/** A cell's text as the analyst sees it, without outer spaces; empty for no cell. */
	public static String text(Sheet sheet, int row, int column) {
		return RuleTable.text(sheet, row, column).strip();
	}

	/**
	 * The time zone this cell names by its IANA name, in any letter case;
	 * {@code fallback} when the cell is empty.
	 * @throws WorkbookCompileException naming the cell when no such zone exists
	 */
	public ZoneId zone(ZoneId fallback) {
		if (this.value.isEmpty()) {
			return fallback;
		}
		// Europe/lisbon is what the analyst meant; ZoneId alone would refuse it.
		Optional<String> known = ZoneId.getAvailableZoneIds()
			.stream()
			.filter((id) -> id.equalsIgnoreCase(this.value))
			.findFirst();
		try {
			return ZoneId.of(known.orElse(this.value));
		}
		catch (DateTimeException ex) {
			throw error(
					"unknown time zone \"" + this.value + "\""
							+ DidYouMean.endOfSentence(this.value, ZoneId.getAvailableZoneIds()),
					"write the time zone's IANA name, e.g. Europe/Lisbon, Atlantic/Azores or Europe/London.");
		}
	}

	/** {@code lumen-oak.xlsx, sheet Flows, row 4}, for messages that point elsewhere. */
	public String where() {
		return this.workbook + ", sheet " + this.sheet + ", row " + this.row;
	}

}
