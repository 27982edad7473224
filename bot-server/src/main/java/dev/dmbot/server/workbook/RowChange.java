package dev.dmbot.server.workbook;

import java.util.List;

/**
 * One row that differs between two rules versions, as an analyst finds it in Excel.
 *
 * @param workbook the workbook's file name
 * @param sheet the sheet's name
 * @param change {@code added}, {@code removed} or {@code changed}
 * @param rowBefore the 1-based row in the earlier version, 0 when added
 * @param rowAfter the 1-based row in the later version, 0 when removed
 * @param before the row's cells in the earlier version, empty when added
 * @param after the row's cells in the later version, empty when removed
 */
public record RowChange(String workbook, String sheet, String change, int rowBefore, int rowAfter, List<String> before,
		List<String> after) {

	public RowChange {
		before = List.copyOf(before);
		after = List.copyOf(after);
	}

}
