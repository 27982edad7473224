package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellAddress;

import dev.dmbot.server.workbook.RuleTable.Column;

/**
 * The DRL Drools generated from one sheet, indexed by line so its errors can be traced to
 * rows.
 */
record GeneratedDrl(String workbook, String sheet, String text, List<String> lines, String packageName,
		List<GeneratedRule> rules, List<RuleTable> tables, Map<CellAddress, String> typedCells) {

	private static final Pattern RULE_VALUES = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at");

	private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.+)\"");

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);");

	/**
	 * A rule in the generated DRL: its name, its first line (1-based) and its spreadsheet
	 * row (1-based).
	 */
	record GeneratedRule(String name, int line, int row) {
	}

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
