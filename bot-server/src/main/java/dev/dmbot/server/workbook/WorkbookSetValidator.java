package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import dev.dmbot.server.workbook.RuleTable.Column;
import dev.dmbot.server.platform.events.EventKind;

/**
 * Checks that need every table of every workbook that goes live together: two tables
 * whose rules would clash by name, a state condition naming a state no row ever moves to,
 * and a shipped intent that no row answers when someone simply writes about it.
 * <p>
 * Tables are added as they are read, before their cells are escaped for Drools, and
 * {@link #validate()} runs once after the last one.
 */
final class WorkbookSetValidator {

	private static final String NO_STATE = "none";

	// What Drools calls the package of a sheet without a RuleSet setting.
	private static final String DEFAULT_RULE_SET = "rule_table";

	private final List<TableText> tables = new ArrayList<>();

	private final Set<String> flowStates = new LinkedHashSet<>();

	/** The states of conversations in a flow ({@code flow:<name>}) exist too. */
	void addFlowStates(java.util.Collection<String> states) {
		states.forEach((state) -> this.flowStates.add(state.toLowerCase(Locale.ROOT)));
	}

	/** Remembers the table's text as the analyst wrote it. */
	void add(String workbook, RuleTable table) {
		this.tables.add(TableText.of(workbook, table));
	}

	void validate() {
		checkRuleNamesUnique();
		checkStates();
		checkIntentsAnswered();
	}

	// Drools names each rule after its table and row, e.g. Replies_13, inside the
	// RuleSet's package; two tables of the same name in one package clash, and Drools
	// reports that far from the cause.
	private void checkRuleNamesUnique() {
		for (int i = 0; i < this.tables.size(); i++) {
			TableText table = this.tables.get(i);
			for (TableText earlier : this.tables.subList(0, i)) {
				if (earlier.ruleSet().value().equals(table.ruleSet().value()) && earlier.name().equals(table.name())) {
					RuleSetCell cell = table.ruleSet();
					throw new WorkbookCompileException(table.workbook(), table.sheet(), cell.row() + 1, cell.column(),
							cell.value(),
							"the rules of table " + table.name() + " in package " + cell.value()
									+ " clash with the table of the same name in " + earlier.workbook() + ", sheet "
									+ earlier.sheet() + ", which has the same RuleSet.",
							"give each workbook a RuleSet of its own (e.g. dev.dmbot.rules."
									+ table.workbook().replaceAll("\\.xlsx$", "").replaceAll("\\W", "") + ")"
									+ ((cell.row() < 0) ? " in a row above the RuleTable cell: RuleSet | <name>" : "")
									+ ", or rename one of the tables.",
							null);
				}
			}
		}
	}

	private void checkStates() {
		Set<String> known = new LinkedHashSet<>(this.flowStates);
		for (TableText table : this.tables) {
			for (Column column : table.columns()) {
				if (column.isAction() && column.calls("nextState")) {
					table.rows().forEach((row) -> {
						String state = row.text(column).strip();
						if (!state.isEmpty()) {
							known.add(state.toLowerCase(Locale.ROOT));
						}
					});
				}
			}
		}
		List<String> candidates = new ArrayList<>(known);
		candidates.add(NO_STATE);
		for (TableText table : this.tables) {
			for (Column column : table.columns()) {
				if (!column.isCondition() || !column.calls("stateIs")) {
					continue;
				}
				for (RowText row : table.rows()) {
					for (String state : stateNames(row.text(column))) {
						String folded = state.toLowerCase(Locale.ROOT);
						if (!folded.equals(NO_STATE) && !known.contains(folded)) {
							throw table.error(row, column, "unknown state \"" + state
									+ "\": no Next state cell in any workbook moves a conversation there, so this row can never match"
									+ DidYouMean.endOfSentence(state, candidates),
									"use " + (known.isEmpty() ? "" : "one of " + String.join(", ", known) + ", or ")
											+ "none for a conversation without a state; or write " + state
											+ " in the Next state cell of the row that should lead here.");
						}
					}
				}
			}
		}
	}

	/**
	 * The states a condition cell lists, as typed, read the way the generated rule reads
	 * them: quotes dropped, line breaks as commas.
	 */
	private static List<String> stateNames(String cell) {
		return CellSyntax.items(cell.replaceAll("[\"\\\\]", "").replaceAll("\\R", ","));
	}

	/**
	 * Every shipped intent but {@code unknown} needs a row that answers a plain text
	 * message about it from someone with no state, tags, payload or keywords: otherwise
	 * the bot says nothing to a common question.
	 */
	private void checkIntentsAnswered() {
		List<String> unanswered = new ArrayList<>();
		for (String intent : WorkbookValidator.INTENTS) {
			if (!intent.equals("unknown") && this.tables.stream().noneMatch((table) -> table.answers(intent))) {
				unanswered.add(intent);
			}
		}
		if (unanswered.isEmpty() || this.tables.isEmpty()) {
			return;
		}
		TableText table = this.tables.stream()
			.filter((candidate) -> candidate.column("intentIs") != null)
			.findFirst()
			.orElse(this.tables.get(0));
		Column intentColumn = table.column("intentIs");
		Column replyColumn = table.column("reply");
		String intent = unanswered.get(0);
		int lastRow = table.lastDataRow() + 1;
		String others = (unanswered.size() > 1)
				? " The same goes for " + String.join(", ", unanswered.subList(1, unanswered.size())) + "." : "";
		throw new WorkbookCompileException(table.workbook(), table.sheet(), lastRow + 1,
				(intentColumn != null) ? intentColumn.letter() : null, null,
				"no row answers a plain message about " + intent + ". Such a row lists " + intent
						+ " as intent (or leaves it empty), message as event type (or leaves it empty), none as state"
						+ " (or leaves it empty), and needs no keyword, payload or tag." + others,
				"add a row right under row " + lastRow + " of table " + table.name() + " with " + intent + " in "
						+ describe(intentColumn, "the intent column") + " and the answer in "
						+ describe(replyColumn, "the reply column") + ", leaving the other conditions empty.",
				null);
	}

	private static String describe(Column column, String otherwise) {
		return (column != null)
				? "column " + column.letter() + (column.title().isEmpty() ? "" : " (" + column.title() + ")")
				: otherwise;
	}

	/** A rule table's cells, read once before Drools escaping changes them. */
	private record TableText(String workbook, String sheet, String name, RuleSetCell ruleSet, List<Column> columns,
			List<RowText> rows, int lastDataRow) {

		static TableText of(String workbook, RuleTable table) {
			List<RowText> rows = new ArrayList<>();
			for (int row = table.firstDataRow(); row <= table.lastDataRow(); row++) {
				List<String> texts = new ArrayList<>();
				for (Column column : table.columns()) {
					texts.add(table.text(row, column));
				}
				rows.add(new RowText(row, table.columns(), texts));
			}
			return new TableText(workbook, table.sheet().getSheetName(), table.name(), RuleSetCell.of(table),
					table.columns(), rows, table.lastDataRow());
		}

		Column column(String method) {
			return this.columns.stream().filter((column) -> column.calls(method)).findFirst().orElse(null);
		}

		boolean answers(String intent) {
			return this.rows.stream().anyMatch((row) -> row.answersPlainMessage(intent));
		}

		WorkbookCompileException error(RowText row, Column column, String problem, String fix) {
			return new WorkbookCompileException(this.workbook, this.sheet, row.row() + 1, column.letter(),
					row.text(column), problem, fix, null);
		}

	}

	/**
	 * The RuleSet setting above a table: its 0-based row and column letter, -1 and
	 * {@code null} when the setting is missing.
	 */
	private record RuleSetCell(String value, int row, String column) {

		static RuleSetCell of(RuleTable table) {
			Sheet sheet = table.sheet();
			for (int r = Math.max(sheet.getFirstRowNum(), 0); r < table.headerRow(); r++) {
				Row row = sheet.getRow(r);
				if (row == null || row.getFirstCellNum() < 0) {
					continue;
				}
				int first = row.getFirstCellNum();
				if (RuleTable.text(sheet, r, first).strip().equalsIgnoreCase("RuleSet")) {
					String value = RuleTable.text(sheet, r, first + 1).strip();
					return new RuleSetCell(value.isEmpty() ? DEFAULT_RULE_SET : value, r,
							CellReference.convertNumToColString(first + 1));
				}
			}
			return new RuleSetCell(DEFAULT_RULE_SET, -1, null);
		}

	}

	/** One rule row's cell texts, by column. */
	private record RowText(int row, List<Column> columns, List<String> texts) {

		String text(Column column) {
			return this.texts.get(this.columns.indexOf(column));
		}

		boolean answersPlainMessage(String intent) {
			for (Column column : this.columns) {
				String text = text(column);
				if (!column.isCondition() || text.isBlank()) {
					continue;
				}
				Set<String> items = CellSyntax.conditionItems(text, false);
				boolean matches = (column.calls("intentIs") && items.contains(intent))
						|| (column.calls("stateIs") && items.contains(NO_STATE))
						|| (column.calls("eventIs") && items.contains(EventKind.MESSAGE.ruleName()));
				if (!matches) {
					return false;
				}
			}
			return true;
		}

	}

}
