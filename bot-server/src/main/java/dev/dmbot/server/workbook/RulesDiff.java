package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Which spreadsheet rows were added, removed or changed between two versions. Rows are
 * compared by what their cells show, the way a person compares two printouts, so a row
 * inserted near the top reads as one added row, not as every row below it changed.
 */
final class RulesDiff {

	private static final DataFormatter FORMATTER = new DataFormatter();

	private RulesDiff() {
	}

	static List<RowChange> between(List<Workbook> before, List<Workbook> after) {
		Map<String, Map<String, List<List<String>>>> old = read(before);
		Map<String, Map<String, List<List<String>>>> now = read(after);
		Set<String> workbooks = new LinkedHashSet<>(old.keySet());
		workbooks.addAll(now.keySet());
		List<RowChange> changes = new ArrayList<>();
		for (String workbook : workbooks) {
			Map<String, List<List<String>>> oldSheets = old.getOrDefault(workbook, Map.of());
			Map<String, List<List<String>>> newSheets = now.getOrDefault(workbook, Map.of());
			Set<String> sheets = new LinkedHashSet<>(oldSheets.keySet());
			sheets.addAll(newSheets.keySet());
			for (String sheet : sheets) {
				changes.addAll(diff(workbook, sheet, oldSheets.getOrDefault(sheet, List.of()),
						newSheets.getOrDefault(sheet, List.of())));
			}
		}
		return changes;
	}

	private static List<RowChange> diff(String workbook, String sheet, List<List<String>> before,
			List<List<String>> after) {
		List<RowChange> changes = new ArrayList<>();
		for (AbstractDelta<List<String>> delta : DiffUtils.diff(before, after).getDeltas()) {
			List<List<String>> removed = delta.getSource().getLines();
			List<List<String>> added = delta.getTarget().getLines();
			int sourceRow = delta.getSource().getPosition() + 1;
			int targetRow = delta.getTarget().getPosition() + 1;
			int paired = Math.min(removed.size(), added.size());
			for (int i = 0; i < paired; i++) {
				changes.add(new RowChange(workbook, sheet, "changed", sourceRow + i, targetRow + i, removed.get(i),
						added.get(i)));
			}
			for (int i = paired; i < removed.size(); i++) {
				if (!removed.get(i).isEmpty()) {
					changes.add(new RowChange(workbook, sheet, "removed", sourceRow + i, 0, removed.get(i), List.of()));
				}
			}
			for (int i = paired; i < added.size(); i++) {
				if (!added.get(i).isEmpty()) {
					changes.add(new RowChange(workbook, sheet, "added", 0, targetRow + i, List.of(), added.get(i)));
				}
			}
		}
		return changes;
	}

	/**
	 * Workbook → sheet → rows (from row 1, empty rows kept so positions are row numbers).
	 */
	private static Map<String, Map<String, List<List<String>>>> read(List<Workbook> workbooks) {
		Map<String, Map<String, List<List<String>>>> read = new LinkedHashMap<>();
		for (Workbook workbook : workbooks) {
			Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
			try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
				for (Sheet sheet : poi) {
					List<List<String>> rows = new ArrayList<>();
					for (int r = 0; r <= sheet.getLastRowNum(); r++) {
						rows.add(cells(sheet.getRow(r)));
					}
					while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
						rows.remove(rows.size() - 1);
					}
					sheets.put(sheet.getSheetName(), rows);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + workbook.name(), ex);
			}
			read.put(workbook.name(), sheets);
		}
		return read;
	}

	/** The row's cells as shown, trailing blanks dropped; empty for an empty row. */
	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		if (row == null || row.getLastCellNum() < 0) {
			return cells;
		}
		for (int c = 0; c < row.getLastCellNum(); c++) {
			cells.add(FORMATTER.formatCellValue(row.getCell(c)).strip());
		}
		while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
			cells.remove(cells.size() - 1);
		}
		return cells;
	}

}
