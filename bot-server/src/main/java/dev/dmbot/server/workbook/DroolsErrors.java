package dev.dmbot.server.workbook;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.kie.internal.builder.KnowledgeBuilderResult;

import dev.dmbot.server.workbook.GeneratedDrl.GeneratedRule;
import dev.dmbot.server.workbook.RuleTable.Column;

/**
 * Turns what Drools says about a sheet it cannot read or a rule it cannot compile into a
 * {@link WorkbookCompileException} naming the file, sheet, row and column an analyst
 * fixes, and how.
 */
final class DroolsErrors {

	private static final Pattern CELL_REFERENCE = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,7})\\b");

	private static final Pattern METHOD_CALL = Pattern.compile("(\\w+)\\s*\\(");

	static final List<String> CELL_METHODS = List.of("eventIs", "intentIs", "stateIs", "mentionsAny", "payloadIs",
			"hasTag", "reply", "quickReplies", "nextState", "addTags", "escalate", "startFlow", "publicReply",
			"followUp", "experiment", "languageIs", "hasEntity", "replyIn", "quickRepliesIn");

	private DroolsErrors() {
	}

	static WorkbookCompileException locate(String workbook, String sheet, RuntimeException ex) {
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

	static WorkbookCompileException locate(KnowledgeBuilderResult error, int errors, List<GeneratedDrl> generated) {
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

}
