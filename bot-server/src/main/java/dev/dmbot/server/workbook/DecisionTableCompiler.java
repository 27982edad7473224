package dev.dmbot.server.workbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dmbot.server.workbook.RuleTable.Column;

/**
 * Turns workbooks into a {@link KieBase}: checks the cells Drools would accept but
 * Instagram would not (table by table, then across the whole set), escapes cell text that
 * lands in Java string literals, generates DRL sheet by sheet with Drools'
 * {@link SpreadsheetCompiler}, compiles it, and maps every rule back to its spreadsheet
 * row. Any failure becomes a {@link WorkbookCompileException} naming the file, sheet, row
 * and column to fix.
 */
final class DecisionTableCompiler {

	private static final Logger logger = LoggerFactory.getLogger(DecisionTableCompiler.class);

	private static final Pattern RULE_VALUES = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at");

	private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.+)\"");

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);");

	private static final Pattern CELL_REFERENCE = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,7})\\b");

	private static final Pattern METHOD_CALL = Pattern.compile("(\\w+)\\s*\\(");

	private static final List<String> CELL_METHODS = List.of("eventIs", "intentIs", "stateIs", "mentionsAny",
			"payloadIs", "hasTag", "reply", "quickReplies", "nextState", "addTags", "escalate", "startFlow",
			"publicReply", "followUp", "experiment", "languageIs", "hasEntity", "replyIn", "quickRepliesIn");

	private final List<? extends FeatureSheet<?>> sheets;

	/**
	 * @param sheets the features' sheets, read in this order besides the decision tables
	 */
	DecisionTableCompiler(List<? extends FeatureSheet<?>> sheets) {
		this.sheets = List.copyOf(sheets);
	}

	CompiledRules compile(List<Workbook> workbooks, Instant loadedAt) {
		// Each file is parsed once, here, and every reader gets the parsed workbook.
		List<ParsedWorkbook> parsed = new ArrayList<>();
		try {
			long started = System.nanoTime();
			for (Workbook workbook : workbooks) {
				parsed.add(ParsedWorkbook.parse(workbook));
			}
			long read = System.nanoTime();
			CompiledRules rules = compileParsed(workbooks, parsed, loadedAt);
			logger.debug("Compiled {} in {} ms ({} ms reading the files)", rules.version().workbooks(),
					(System.nanoTime() - started) / 1_000_000, (read - started) / 1_000_000);
			return rules;
		}
		finally {
			parsed.forEach(ParsedWorkbook::close);
		}
	}

	private CompiledRules compileParsed(List<Workbook> workbooks, List<ParsedWorkbook> parsed, Instant loadedAt) {
		// The features' sheets first (flows, products): the replies name their flows,
		// slots and products. A sheet that may exist once is refused twice only later,
		// after clashes between the Replies tables.
		SheetVocabulary vocabulary = SheetVocabulary.EMPTY;
		for (FeatureSheet<?> sheet : this.sheets) {
			vocabulary = sheet.name(parsed, vocabulary);
		}
		List<GeneratedDrl> generated = new ArrayList<>();
		Set<FiredRow> commentRows = new HashSet<>();
		List<ExperimentsOfTable.Found> experiments = new ArrayList<>();
		Map<String, String> payloads = new LinkedHashMap<>();
		WorkbookSetValidator wholeSet = new WorkbookSetValidator();
		wholeSet.addFlowStates(List.copyOf(vocabulary.flowStates()));
		for (int i = 0; i < workbooks.size(); i++) {
			generated.addAll(generate(workbooks.get(i), parsed.get(i), wholeSet, vocabulary, commentRows, experiments,
					payloads));
		}
		wholeSet.validate();
		vocabulary = vocabulary.withAnsweredPayloads(payloads);
		Map<FiredRow, Experiment> experimentsByRow = ExperimentsOfTable.byRow(experiments);
		KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
				KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(DecisionTableCompiler.class.getClassLoader()));
		for (GeneratedDrl drl : generated) {
			Resource resource = ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8));
			resource.setSourcePath(drl.sourcePath());
			builder.add(resource, ResourceType.DRL);
		}
		if (builder.hasErrors()) {
			// Report the topmost row, where an analyst reading down the sheet looks
			// first; Drools' summaries go last.
			List<WorkbookCompileException> located = new ArrayList<>();
			builder.getErrors().forEach((error) -> located.add(locate(error, builder.getErrors().size(), generated)));
			located.sort(Comparator.comparing(WorkbookCompileException::workbook)
				.thenComparing((ex) -> String.valueOf(ex.sheet()))
				.thenComparingInt((ex) -> (ex.row() > 0) ? ex.row() : Integer.MAX_VALUE));
			throw located.get(0);
		}
		// Last: the features' sheets refer to nothing the tables need, and a set whose
		// Replies tables clash is better told about those first.
		Map<Class<?>, Object> parts = new LinkedHashMap<>();
		for (FeatureSheet<?> sheet : this.sheets) {
			Object part = sheet.read(parsed, vocabulary);
			if (parts.putIfAbsent(sheet.part(), part) != null) {
				throw new IllegalStateException("two sheets compile to " + sheet.part().getName());
			}
		}
		Map<String, FiredRow> rowsByRule = new HashMap<>();
		generated.forEach((drl) -> rowsByRule.putAll(drl.rowsByRule()));
		KieBase kieBase = builder.newKieBase();
		List<String> names = workbooks.stream().map(Workbook::name).toList();
		return new CompiledRules(kieBase, rowsByRule, new RulesVersion(sha256(workbooks), loadedAt, names), commentRows,
				experimentsByRow, parts);
	}

	private List<GeneratedDrl> generate(Workbook workbook, ParsedWorkbook poi, WorkbookSetValidator wholeSet,
			SheetVocabulary vocabulary, Set<FiredRow> commentRows, List<ExperimentsOfTable.Found> experiments,
			Map<String, String> payloads) {
		List<Sheet> ruleSheets = new ArrayList<>();
		Map<String, List<RuleTable>> tablesBySheet = new HashMap<>();
		Map<String, Map<CellAddress, String>> typedBySheet = new HashMap<>();
		try {
			WorkbookValidator validator = new WorkbookValidator(workbook.name(), List.copyOf(vocabulary.flows()),
					vocabulary.slots(), vocabulary.products());
			for (Sheet sheet : poi.sheets()) {
				// The Tests sheet is free text for conversations: never a decision table.
				// The features' sheets have readers of their own.
				if (sheet.getSheetName().equalsIgnoreCase(TestsSheet.NAME)
						|| this.sheets.stream().anyMatch((feature) -> feature.holds(sheet))) {
					continue;
				}
				List<RuleTable> tables = RuleTable.in(sheet);
				if (tables.isEmpty()) {
					continue;
				}
				for (RuleTable table : tables) {
					validator.validate(table);
					wholeSet.add(workbook.name(), table);
					commentRows.addAll(commentRows(workbook.name(), table));
					ExperimentsOfTable.collect(workbook.name(), table, experiments);
					// As typed, before the escaping below: the ice breakers' buttons are
					// checked against them.
					answeredPayloads(table, payloads);
					escapeStringLiterals(table,
							typedBySheet.computeIfAbsent(sheet.getSheetName(), (name) -> new HashMap<>()));
				}
				ruleSheets.add(sheet);
				tablesBySheet.put(sheet.getSheetName(), tables);
			}
		}
		catch (RuntimeException ex) {
			throw WorkbookCompileException.unreadable(workbook.name(), ex);
		}
		if (ruleSheets.isEmpty()) {
			throw new WorkbookCompileException(workbook.name(), null, 0, null, "no sheet has a RuleTable cell.",
					"start a decision table with a cell reading 'RuleTable <name>' (see rules/README.md).");
		}
		List<GeneratedDrl> generated = new ArrayList<>();
		for (Sheet sheet : ruleSheets) {
			String drl;
			try {
				drl = SettingNames.inDrl(drlOf(poi, sheet.getSheetName()));
			}
			catch (RuntimeException ex) {
				throw locate(workbook.name(), sheet.getSheetName(), ex);
			}
			generated.add(
					GeneratedDrl.of(workbook.name(), sheet.getSheetName(), drl, tablesBySheet.get(sheet.getSheetName()),
							typedBySheet.getOrDefault(sheet.getSheetName(), Map.of())));
		}
		return generated;
	}

	/**
	 * What Drools' {@link SpreadsheetCompiler} makes of one sheet, read from the workbook
	 * already in memory, escaped cells included, rather than from the file parsed again
	 * for every sheet.
	 */
	private static String drlOf(ParsedWorkbook poi, String sheetName) {
		DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
		listener.setWorksheetName(sheetName);
		new ExcelParser(Map.of(sheetName, List.<DataListener>of(listener))).parseWorkbook(poi.poi());
		return new SpreadsheetCompiler().listenerToString(listener);
	}

	/** The payloads a table's Payload column answers, keyed by their lower case. */
	private static void answeredPayloads(RuleTable table, Map<String, String> payloads) {
		for (Column column : table.columns()) {
			if (!column.isCondition() || !column.calls("payloadIs")) {
				continue;
			}
			for (int r = table.firstDataRow(); r <= table.lastDataRow(); r++) {
				for (String payload : CellSyntax.items(table.text(r, column))) {
					payloads.putIfAbsent(payload.toLowerCase(Locale.ROOT), payload);
				}
			}
		}
	}

	/** The rows of a table whose Event type cell names {@code comment}. */
	private static List<FiredRow> commentRows(String workbook, RuleTable table) {
		List<FiredRow> rows = new ArrayList<>();
		for (int row = table.firstDataRow(); row <= table.lastDataRow(); row++) {
			for (Column column : table.columns()) {
				if (column.calls("eventIs") && CellSyntax.items(table.text(row, column))
					.stream()
					.anyMatch(WorkbookValidator.COMMENT::equalsIgnoreCase)) {
					rows.add(new FiredRow(workbook, table.sheet().getSheetName(), row + 1));
				}
			}
		}
		return rows;
	}

	/**
	 * Escapes what Drools leaves alone: backslashes, line breaks (Alt+Enter in a cell)
	 * and a double quote at the very start of a cell. Drools itself escapes double quotes
	 * further into a cell, so those stay as typed. Condition cells only ever hold names
	 * and keywords, so quotes and backslashes there carry no meaning and are dropped.
	 */
	private static void escapeStringLiterals(RuleTable table, Map<CellAddress, String> typed) {
		for (int row = table.firstDataRow(); row <= table.lastDataRow(); row++) {
			for (Column column : table.columns()) {
				Cell cell = table.cell(row, column);
				if (!column.quotesValue() || cell == null || cell.getCellType() != CellType.STRING) {
					continue;
				}
				String text = cell.getStringCellValue();
				String escaped = column.isCondition() ? text.replaceAll("[\"\\\\]", "").replaceAll("\\R", ", ")
						: escapeAction(text);
				if (!escaped.equals(text)) {
					typed.put(cell.getAddress(), table.text(row, column));
					cell.setCellValue(escaped);
				}
			}
		}
	}

	private static String escapeAction(String text) {
		String escaped = text.replace("\\", "\\\\").replaceAll("\\R", "\\\\n").replace("\t", "\\t");
		// Octal escape: Drools skips quote escaping when the first quote is the cell's
		// first character.
		return escaped.startsWith("\"") ? "\\042" + escaped.substring(1) : escaped;
	}

	private static WorkbookCompileException locate(String workbook, String sheet, RuntimeException ex) {
		String message = String.valueOf(ex.getMessage());
		Matcher cell = CELL_REFERENCE.matcher(message);
		int row = 0;
		String column = null;
		if (cell.find()) {
			column = cell.group(1);
			row = Integer.parseInt(cell.group(2));
		}
		return new WorkbookCompileException(workbook, sheet, row, column, "Drools cannot read the table: " + message,
				"compare this part of the table with rules/README.md: a 'RuleTable <name>' cell, then rows of"
						+ " CONDITION/ACTION, fact type, code and titles, then one row per rule.",
				ex);
	}

	private static WorkbookCompileException locate(KnowledgeBuilderResult error, int errors,
			List<GeneratedDrl> generated) {
		String sourcePath = (error.getResource() != null) ? error.getResource().getSourcePath() : null;
		GeneratedDrl drl = generated.stream()
			.filter((candidate) -> candidate.sourcePath().equals(sourcePath))
			.findFirst()
			.orElse(generated.get(0));
		String message = error.getMessage().strip().lines().findFirst().orElse("").replaceAll("[:\\s]+$", "")
				+ ((errors > 1)
						? " (and " + (errors - 1) + " more problem" + ((errors > 2) ? "s" : "") + " Drools reported)"
						: "")
				+ ".";
		int line = (error.getLines() != null && error.getLines().length > 0) ? error.getLines()[0] : -1;
		GeneratedRule rule = drl.ruleNamedIn(error.getMessage());
		if (rule == null) {
			rule = drl.ruleAt(line);
		}
		if (rule == null) {
			return settingsError(drl, line, message);
		}
		RuleTable table = drl.tableOf(rule);
		String failing = drl.ruleText(rule);
		Column column = findColumn(table, rule.row() - 1, error.getMessage(), drl.line(line), failing);
		String code = (column != null) ? " and the code of column " + column.letter() + " in row "
				+ (table.headerRow() + RuleTable.CODE_ROW + 1) + " (" + column.code() + ")" : "";
		return new WorkbookCompileException(drl.workbook(), drl.sheet(), rule.row(),
				(column != null) ? column.letter() : null,
				(column != null && table != null) ? drl.typed(table, rule.row() - 1, column) : null,
				"Drools cannot compile this row: " + message,
				"check the text of this cell" + code + ". Cells hold plain text, never Java; the code row must call "
						+ String.join(", ", CELL_METHODS) + " with \"$param\" in quotes.",
				null);
	}

	// A method the fact or the sink does not have is the header's fault; otherwise the
	// cell whose text shows up.
	private static Column findColumn(RuleTable table, int row, String message, String line, String ruleText) {
		if (table == null) {
			return null;
		}
		for (Column column : table.columns()) {
			Matcher call = METHOD_CALL.matcher(column.code());
			while (call.find()) {
				String method = call.group(1);
				if (!CELL_METHODS.contains(method) && !"decision".equals(method) && message.contains(method)
						&& !table.text(row, column).isBlank()) {
					return column;
				}
			}
		}
		// A cell that lands in the rule without quotes becomes code: Java then complains
		// about one of its words ("Hello cannot be resolved to a variable").
		for (Column column : table.columns()) {
			String text = table.text(row, column);
			if (column.code().contains("$param") && !column.quotesValue() && !text.isBlank()
					&& Arrays.stream(text.split("[^\\p{L}\\p{N}_]+"))
						.anyMatch((word) -> word.length() > 1 && message.contains(word))) {
				return column;
			}
		}
		for (String haystack : List.of(line, message, ruleText)) {
			for (Column column : table.columns()) {
				String text = table.text(row, column).strip();
				if (!text.isEmpty() && haystack.contains(text.lines().findFirst().orElse(text))) {
					return column;
				}
			}
		}
		return null;
	}

	private static WorkbookCompileException settingsError(GeneratedDrl drl, int line, String message) {
		String text = drl.line(line);
		Sheet sheet = drl.tables().get(0).sheet();
		for (int r = 0; r < drl.tables().get(0).headerRow(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			for (Cell cell : row) {
				String value = RuleTable.text(sheet, r, cell.getColumnIndex()).trim();
				if (value.length() > 2 && (text.contains(value) || message.contains(value))) {
					return new WorkbookCompileException(drl.workbook(), drl.sheet(), r + 1,
							CellReference.convertNumToColString(cell.getColumnIndex()),
							"Drools rejects this setting: " + message,
							"Import names the fact class dev.dmbot.server.rules.IncomingMessage and Variables declares"
									+ " dev.dmbot.server.rules.DecisionSink decision.");
				}
			}
		}
		return new WorkbookCompileException(drl.workbook(), drl.sheet(), 0, null,
				"Drools cannot compile the sheet: " + message
						+ (text.isBlank() ? "" : " The generated line reads: " + text.strip()),
				"compare the settings above the RuleTable with rules/README.md.");
	}

	static String sha256(List<Workbook> workbooks) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			workbooks.forEach((workbook) -> digest.update(workbook.bytes()));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * A rule in the generated DRL: its name, its first line (1-based) and its spreadsheet
	 * row (1-based).
	 */
	private record GeneratedRule(String name, int line, int row) {
	}

	/**
	 * The DRL Drools generated from one sheet, indexed by line so its errors can be
	 * traced to rows.
	 */
	private record GeneratedDrl(String workbook, String sheet, String text, List<String> lines, String packageName,
			List<GeneratedRule> rules, List<RuleTable> tables, Map<CellAddress, String> typedCells) {

		static GeneratedDrl of(String workbook, String sheet, String text, List<RuleTable> tables,
				Map<CellAddress, String> typedCells) {
			List<String> lines = text.lines().toList();
			List<GeneratedRule> rules = new ArrayList<>();
			String packageName = "";
			int row = 0;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				Matcher values = RULE_VALUES.matcher(line);
				Matcher name = RULE_NAME.matcher(line);
				Matcher pkg = PACKAGE.matcher(line);
				if (pkg.find()) {
					packageName = pkg.group(1);
				}
				else if (values.find()) {
					row = Integer.parseInt(values.group(2));
				}
				else if (name.find()) {
					rules.add(new GeneratedRule(name.group(1), i + 1, row));
				}
			}
			return new GeneratedDrl(workbook, sheet, text, lines, packageName, List.copyOf(rules), tables, typedCells);
		}

		/** A cell's text as the analyst typed it, before escaping for Drools. */
		String typed(RuleTable table, int row, Column column) {
			return this.typedCells.getOrDefault(new CellAddress(row, column.index()), table.text(row, column));
		}

		String sourcePath() {
			return "rules/" + this.workbook + "/" + this.sheet + ".drl";
		}

		Map<String, FiredRow> rowsByRule() {
			Map<String, FiredRow> rows = new HashMap<>();
			for (GeneratedRule rule : this.rules) {
				rows.put(CompiledRules.key(this.packageName, rule.name()),
						new FiredRow(this.workbook, this.sheet, rule.row()));
			}
			return rows;
		}

		GeneratedRule ruleNamedIn(String message) {
			GeneratedRule found = null;
			for (GeneratedRule rule : this.rules) {
				// The longest name wins, so "Replies_13" does not stand in for
				// "Replies_130".
				if (message.contains("\"" + rule.name() + "\"") || message.contains(rule.name() + " ")
						|| message.contains(rule.name() + ":") || message.endsWith(rule.name())) {
					if (found == null || rule.name().length() > found.name().length()) {
						found = rule;
					}
				}
			}
			return found;
		}

		GeneratedRule ruleAt(int line) {
			GeneratedRule found = null;
			for (GeneratedRule rule : this.rules) {
				if (rule.line() <= line) {
					found = rule;
				}
			}
			return found;
		}

		RuleTable tableOf(GeneratedRule rule) {
			for (RuleTable table : this.tables) {
				if (rule.row() - 1 >= table.firstDataRow() && rule.row() - 1 <= table.lastDataRow()) {
					return table;
				}
			}
			return this.tables.isEmpty() ? null : this.tables.get(0);
		}

		String ruleText(GeneratedRule rule) {
			StringBuilder text = new StringBuilder();
			for (int i = rule.line() - 1; i < this.lines.size(); i++) {
				text.append(this.lines.get(i)).append('\n');
				if (this.lines.get(i).strip().equals("end")) {
					break;
				}
			}
			return text.toString();
		}

		String line(int line) {
			return (line >= 1 && line <= this.lines.size()) ? this.lines.get(line - 1) : "";
		}

	}

}
