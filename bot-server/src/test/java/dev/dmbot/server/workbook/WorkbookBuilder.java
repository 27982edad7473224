package dev.dmbot.server.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds a small decision-table workbook in memory, laid out like the shipped one:
 * settings in rows 1 to 5, the {@code RuleTable Replies} cell in row 8, column types,
 * fact, code and titles in rows 9 to 12, rules from row 13, the columns A to N of
 * {@code rules/README.md}. Unless told otherwise a catch-all row goes last, so that the
 * workbook answers every intent.
 */
public final class WorkbookBuilder {

	public static final int FIRST_RULE_ROW = 13;

	private static final String[] CODE = { "eventIs(\"$param\")", "intentIs(\"$param\")", "stateIs(\"$param\")",
			"mentionsAny(\"$param\")", "payloadIs(\"$param\")", "hasTag(\"$param\")", "decision.reply(\"$param\");",
			"decision.quickReplies(\"$param\");", "decision.nextState(\"$param\");", "decision.addTags(\"$param\");",
			"decision.escalate(\"$param\");", "decision.startFlow(\"$param\");", "decision.publicReply(\"$param\");",
			"decision.followUp(\"$param\");", "decision.experiment(\"$param\");" };

	private static final String[] TITLES = { "Event type", "Intent", "State", "Keywords (any of)", "Payload", "Has tag",
			"Reply", "Quick replies", "Next state", "Add tags", "Escalate", "Start flow", "Public reply", "Follow up",
			"Experiment" };

	/**
	 * The columns {@link #withLanguageColumns()} adds, P to U: Language, Has entity,
	 * Reply (pt), Reply (es), Quick replies (pt), Quick replies (es).
	 */
	private static final String[] LANGUAGE_CODE = { "languageIs(\"$param\")", "hasEntity(\"$param\")",
			"decision.replyIn(\"pt\", \"$param\");", "decision.replyIn(\"es\", \"$param\");",
			"decision.quickRepliesIn(\"pt\", \"$param\");", "decision.quickRepliesIn(\"es\", \"$param\");" };

	private static final String[] LANGUAGE_TITLES = { "Language", "Has entity", "Reply (pt)", "Reply (es)",
			"Quick replies (pt)", "Quick replies (es)" };

	private boolean languageColumns;

	private final List<String[]> productRows = new ArrayList<>();

	public static final String CATCH_ALL_REPLY = "Sorry, I didn't quite get that.";

	private final String name;

	private final List<Map<String, String>> rules = new ArrayList<>();

	private final Map<Integer, String> code = new LinkedHashMap<>();

	private boolean catchAll = true;

	private String ruleSet;

	private int trailingStyledRows;

	private final List<String[]> flowRows = new ArrayList<>();

	private final List<String[]> escalationRows = new ArrayList<>();

	private final List<String[]> guardrailRows = new ArrayList<>();

	private WorkbookBuilder(String name) {
		this.name = name;
	}

	public static WorkbookBuilder workbook(String name) {
		return new WorkbookBuilder(name);
	}

	/**
	 * Adds a rule row below the previous one, e.g.
	 * {@code rule("B", "pricing", "G", "Cushions start at €24.")}.
	 */
	public WorkbookBuilder rule(String... columnsAndValues) {
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			cells.put(columnsAndValues[i], columnsAndValues[i + 1]);
		}
		this.rules.add(cells);
		return this;
	}

	/** One rule per intent but {@code unknown}, each answering a plain message. */
	public WorkbookBuilder ruleForEveryIntentBut(String missing) {
		for (String intent : WorkbookValidator.INTENTS) {
			if (!intent.equals("unknown") && !intent.equals(missing)) {
				rule("B", intent, "G", "About " + intent + ".");
			}
		}
		return this;
	}

	/** Replaces the code of a column in row 11, e.g. {@code code("G", "...")}. */
	public WorkbookBuilder code(String column, String code) {
		this.code.put((int) CellReference.convertColStringToIndex(column), code);
		return this;
	}

	/** The package in the RuleSet setting; by default one named after the workbook. */
	public WorkbookBuilder ruleSet(String ruleSet) {
		this.ruleSet = ruleSet;
		return this;
	}

	/**
	 * Adds the columns P to U after the 15 of the shipped workbook: the conditions
	 * Language and Has entity, then Reply (pt), Reply (es), Quick replies (pt) and Quick
	 * replies (es).
	 */
	public WorkbookBuilder withLanguageColumns() {
		this.languageColumns = true;
		return this;
	}

	/**
	 * Adds rows to a sheet named Products, from row 1 down, each given cell by cell from
	 * column A; {@code null} or {@code ""} leaves a cell empty.
	 */
	public WorkbookBuilder productRows(String[]... rows) {
		this.productRows.addAll(List.of(rows));
		return this;
	}

	public WorkbookBuilder withoutCatchAll() {
		this.catchAll = false;
		return this;
	}

	/**
	 * Rows below the table whose cells are empty but formatted (fill, border), the way
	 * LibreOffice and Excel keep them after an analyst formats whole columns or clears
	 * rows.
	 */
	public WorkbookBuilder trailingStyledEmptyRows(int count) {
		this.trailingStyledRows = count;
		return this;
	}

	/**
	 * Adds rows to a sheet named Flows, from row 1 down, each given cell by cell from
	 * column A; {@code null} or {@code ""} leaves a cell empty.
	 */
	public WorkbookBuilder flowRows(String[]... rows) {
		this.flowRows.addAll(List.of(rows));
		return this;
	}

	/**
	 * Adds rows to a sheet named Escalations, from row 1 down, each given cell by cell
	 * from column A; {@code null} or {@code ""} leaves a cell empty.
	 */
	public WorkbookBuilder escalationRows(String[]... rows) {
		this.escalationRows.addAll(List.of(rows));
		return this;
	}

	/**
	 * Adds rows to a sheet named Guardrails, from row 1 down, each given cell by cell
	 * from column A; {@code null} or {@code ""} leaves a cell empty.
	 */
	public WorkbookBuilder guardrailRows(String[]... rows) {
		this.guardrailRows.addAll(List.of(rows));
		return this;
	}

	/** The row number Excel shows for the catch-all, or for the next rule without it. */
	public int catchAllRow() {
		return FIRST_RULE_ROW + this.rules.size();
	}

	public Workbook build() {
		try (XSSFWorkbook poi = new XSSFWorkbook()) {
			Sheet sheet = poi.createSheet("Replies");
			set(sheet, 0, 0, "RuleSet");
			// Workbooks that go live together need packages of their own, or their rules
			// clash by name.
			set(sheet, 0, 1,
					(this.ruleSet != null) ? this.ruleSet : "dev.dmbot.rules." + this.name.replaceAll("\\W", "_"));
			set(sheet, 1, 0, "Import");
			set(sheet, 1, 1, SettingNames.FACT);
			set(sheet, 2, 0, "Variables");
			set(sheet, 2, 1, SettingNames.DECISION + " decision");
			set(sheet, 3, 0, "Sequential");
			set(sheet, 3, 1, "true");
			set(sheet, 4, 0, "ACTIVATION-GROUP");
			set(sheet, 4, 1, "replies");
			set(sheet, 7, 0, "RuleTable Replies");
			for (int c = 0; c < CODE.length; c++) {
				set(sheet, 8, c, (c < 6) ? "CONDITION" : "ACTION");
				set(sheet, 10, c, this.code.getOrDefault(c, CODE[c]));
				set(sheet, 11, c, TITLES[c]);
			}
			for (int i = 0; this.languageColumns && i < LANGUAGE_CODE.length; i++) {
				int c = CODE.length + i;
				set(sheet, 8, c, (i < 2) ? "CONDITION" : "ACTION");
				set(sheet, 9, c, (i < 2) ? "IncomingMessage" : "");
				set(sheet, 10, c, this.code.getOrDefault(c, LANGUAGE_CODE[i]));
				set(sheet, 11, c, LANGUAGE_TITLES[i]);
			}
			// One fact for all six condition columns, as in the shipped workbook; Drools
			// reads a merged cell's value for every cell of the range that exists.
			set(sheet, 9, 0, "IncomingMessage");
			for (int c = 1; c <= 5; c++) {
				sheet.getRow(9).createCell(c);
			}
			sheet.addMergedRegion(new CellRangeAddress(9, 9, 0, 5));
			List<Map<String, String>> all = new ArrayList<>(this.rules);
			if (this.catchAll) {
				all.add(Map.of("G", CATCH_ALL_REPLY));
			}
			int row = FIRST_RULE_ROW - 1;
			for (Map<String, String> rule : all) {
				for (Map.Entry<String, String> cell : rule.entrySet()) {
					set(sheet, row, CellReference.convertColStringToIndex(cell.getKey()), cell.getValue());
				}
				row++;
			}
			CellStyle styled = poi.createCellStyle();
			styled.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
			styled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			styled.setBorderBottom(BorderStyle.THIN);
			for (int i = 0; i < this.trailingStyledRows; i++, row++) {
				Row empty = sheet.createRow(row);
				empty.setRowStyle(styled);
				for (int c = 0; c < CODE.length; c++) {
					empty.createCell(c).setCellStyle(styled);
				}
			}
			addSheet(poi, "Flows", this.flowRows);
			addSheet(poi, "Escalations", this.escalationRows);
			addSheet(poi, "Guardrails", this.guardrailRows);
			addSheet(poi, "Products", this.productRows);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return new Workbook(this.name, out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void addSheet(XSSFWorkbook poi, String name, List<String[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Sheet sheet = poi.createSheet(name);
		for (int r = 0; r < rows.size(); r++) {
			String[] cells = rows.get(r);
			for (int c = 0; c < cells.length; c++) {
				if (cells[c] != null && !cells[c].isEmpty()) {
					set(sheet, r, c, cells[c]);
				}
			}
		}
	}

	private static void set(Sheet sheet, int row, int column, String value) {
		Row r = (sheet.getRow(row) != null) ? sheet.getRow(row) : sheet.createRow(row);
		r.createCell(column).setCellValue(value);
	}

}
