package dev.dmbot.server.workbook;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a sheet that a set of live workbooks may hold at most once, such as the
 * Escalations or the Guardrails sheet: one set of rules has one policy of each kind.
 *
 * @param <T> what the sheet is read into
 * @param holds whether a sheet is such a sheet, by its name
 * @param label the sheet as analysts name it in messages, e.g. {@code "an Escalations
 * sheet"}
 * @param why why only one may exist, ending a sentence, e.g. {@code "one set of rules has
 * one escalation policy"}
 * @param none what a set without such a sheet gets
 * @param reader reads the one sheet of the named workbook
 */
public record SingleSheet<T>(Predicate<Sheet> holds, String label, String why, T none,
		BiFunction<String, Sheet, T> reader) {

	/**
	 * The sheet of the one workbook that has it, read; {@link #none()} when none has.
	 * @throws WorkbookCompileException naming the cell to fix, or both workbooks when two
	 * have such a sheet
	 */
	public T read(List<ParsedWorkbook> workbooks) {
		T read = this.none;
		String owner = null;
		for (ParsedWorkbook workbook : workbooks) {
			try {
				for (Sheet sheet : workbook.sheets()) {
					if (!this.holds.test(sheet)) {
						continue;
					}
					if (owner != null) {
						throw new WorkbookCompileException(workbook.name(), sheet.getSheetName(), 0, null, null,
								"both " + owner + " and " + workbook.name() + " have " + this.label + ", and "
										+ this.why + ".",
								"keep the " + sheet.getSheetName()
										+ " sheet in one of the two workbooks and delete it from the other.",
								null);
					}
					owner = workbook.name();
					read = this.reader.apply(workbook.name(), sheet);
				}
			}
			catch (RuntimeException ex) {
				throw WorkbookCompileException.unreadable(workbook.name(), ex);
			}
		}
		return read;
	}

}
