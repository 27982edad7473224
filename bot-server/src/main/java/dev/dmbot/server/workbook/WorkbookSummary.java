package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a workbook holds, for a person checking it: its decision tables, their rule rows
 * and the turns of its Tests sheet.
 *
 * @param workbook the workbook's file name
 * @param tables how many {@code RuleTable} blocks it has
 * @param rows how many rule rows those tables have
 * @param testTurns how many turns its Tests sheet has, 0 without one
 */
public record WorkbookSummary(String workbook, int tables, int rows, int testTurns) {

	/**
	 * Reads a workbook's tables and Tests sheet; compile it with
	 * {@link CompiledRules#compile} to check the tables themselves.
	 * @throws WorkbookCompileException when it cannot be read or its Tests sheet is
	 * malformed, naming the cell
	 */
	public static WorkbookSummary of(Workbook workbook) {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
			int tables = 0;
			int rows = 0;
			for (Sheet sheet : poi) {
				for (RuleTable table : RuleTable.in(sheet)) {
					tables++;
					rows += table.lastDataRow() - table.firstDataRow() + 1;
				}
			}
			return new WorkbookSummary(workbook.name(), tables, rows, TestsSheet.read(workbook.name(), poi).size());
		}
		catch (IOException | RuntimeException ex) {
			throw WorkbookCompileException.unreadable(workbook.name(), ex);
		}
	}

}
