package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook file parsed once per compilation and handed to every sheet reader. The
 * decision-table compiler escapes cells of its own tables in place; the sheets of
 * features are left as read.
 *
 * @param name the file name, e.g. {@code lumen-oak.xlsx}
 * @param poi the parsed workbook
 */
public record ParsedWorkbook(String name, XSSFWorkbook poi) {

	/**
	 * @throws WorkbookCompileException when the file cannot be opened as a workbook
	 */
	static ParsedWorkbook parse(Workbook workbook) {
		try {
			return new ParsedWorkbook(workbook.name(), new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes())));
		}
		catch (IOException | RuntimeException ex) {
			throw WorkbookCompileException.unreadable(workbook.name(), ex);
		}
	}

	/** The sheets, in the workbook's order. */
	public Iterable<Sheet> sheets() {
		return this.poi;
	}

	void close() {
		try {
			this.poi.close();
		}
		catch (IOException ex) {
			// Read from bytes in memory: there is nothing to release.
		}
	}

}
