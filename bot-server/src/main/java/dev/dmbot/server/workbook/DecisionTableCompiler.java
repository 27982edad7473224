package dev.dmbot.server.workbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
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
			builder.getErrors()
				.forEach((error) -> located.add(DroolsErrors.locate(error, builder.getErrors().size(), generated)));
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
				throw DroolsErrors.locate(workbook.name(), sheet.getSheetName(), ex);
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

}
