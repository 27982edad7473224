package dev.dmbot.server.workbook;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * A sheet of the workbook that a feature reads for itself (Flows, Escalations,
 * Guardrails, Products, the ice breakers): how the feature recognises it, reads and
 * checks it, and what it compiles it into. The decision-table compiler skips the sheets a
 * feature holds, hands every reader the workbooks it parsed once, and keeps each part in
 * {@link CompiledRules} under its {@link #part() type}.
 * <p>
 * A new sheet is one implementation in its feature, registered as a Spring bean (and in
 * the list of shipped sheets for the command line and tests); nothing in this package
 * changes. Implementations are stateless and thread-safe.
 *
 * @param <T> the compiled part, immutable
 */
public interface FeatureSheet<T> {

	/**
	 * The type of the compiled part; {@link CompiledRules#part(Class)} finds it by this
	 * type, so no two sheets compile to the same type.
	 */
	Class<T> part();

	/**
	 * Whether {@code sheet} is this feature's, by its name: no decision table is there.
	 */
	boolean holds(Sheet sheet);

	/**
	 * What the set's decision tables and other sheets may name from this feature's sheet
	 * (flows, their states and slots, products). Called before the decision tables are
	 * compiled, in the order of the sheets; the default names nothing.
	 * @throws WorkbookCompileException naming the cell to fix
	 */
	default SheetVocabulary name(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return vocabulary;
	}

	/**
	 * Reads and checks this feature's sheets of a workbook set, after the decision tables
	 * compiled; the empty part when no workbook has such a sheet.
	 * @param vocabulary what the set names: flows, slots, products, answered payloads
	 * @throws WorkbookCompileException naming the file, sheet, row and column to fix
	 */
	T read(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary);

}
