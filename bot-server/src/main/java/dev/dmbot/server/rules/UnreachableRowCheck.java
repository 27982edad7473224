package dev.dmbot.server.rules;

import java.util.ArrayList;
import java.util.List;

import dev.dmbot.server.rules.RuleTable.Column;

/**
 * Finds a row that can never answer because a row above it in the same table always wins.
 * <p>
 * The tables are {@code Sequential} with an activation group, so the first matching row
 * answers. An earlier row covers a later one when every condition of the earlier row is
 * blank ("any") or lists all that the later row's cell lists: each condition cell means
 * "any of" these comma-separated items, so a smaller list matches a subset of what a
 * larger one matches. Keywords are compared the way they match, ignoring case and
 * accents; other names ignoring case.
 */
final class UnreachableRowCheck {

	// Condition methods that read their cell as "any of" a comma-separated list.
	private static final List<String> ANY_OF = List.of("eventIs", "intentIs", "stateIs", "payloadIs", "hasTag",
			"mentionsAny");

	private final String workbook;

	UnreachableRowCheck(String workbook) {
		this.workbook = workbook;
	}

	void check(RuleTable table) {
		List<Column> conditions = table.columns().stream().filter(Column::isCondition).toList();
		for (int later = table.firstDataRow(); later <= table.lastDataRow(); later++) {
			for (int earlier = table.firstDataRow(); earlier < later; earlier++) {
				if (covers(table, conditions, earlier, later)) {
					throw unreachable(table, conditions, earlier, later);
				}
			}
		}
	}

	private static boolean covers(RuleTable table, List<Column> conditions, int earlier, int later) {
		for (Column column : conditions) {
			String wide = table.text(earlier, column);
			String narrow = table.text(later, column);
			if (wide.isBlank()) {
				continue;
			}
			if (narrow.isBlank()) {
				return false;
			}
			String method = ANY_OF.stream().filter(column::calls).findFirst().orElse(null);
			if (method == null) {
				// A condition the server does not know: only the same text is sure to
				// match the same messages.
				if (!wide.strip().equals(narrow.strip())) {
					return false;
				}
				continue;
			}
			boolean keywords = method.equals("mentionsAny");
			if (!CellSyntax.conditionItems(wide, keywords).containsAll(CellSyntax.conditionItems(narrow, keywords))) {
				return false;
			}
		}
		return true;
	}

	private WorkbookCompileException unreachable(RuleTable table, List<Column> conditions, int earlier, int later) {
		int earlierRow = earlier + 1;
		int laterRow = later + 1;
		String asks = describe(table, conditions, later);
		String earlierAsks = describe(table, conditions, earlier);
		return new WorkbookCompileException(this.workbook, table.sheet().getSheetName(), laterRow, null, null,
				"row " + laterRow + " (" + (asks.isEmpty() ? "no conditions" : asks) + ") can never answer: row "
						+ earlierRow + " above it (" + (earlierAsks.isEmpty() ? "no conditions" : earlierAsks)
						+ ") matches everything it matches, and the first matching row wins.",
				"move row " + laterRow + " above row " + earlierRow + ", or narrow row " + earlierRow + ".", null);
	}

	/**
	 * The filled-in conditions of a row as "Intent: pricing; Keywords (any of): price".
	 */
	private static String describe(RuleTable table, List<Column> conditions, int row) {
		List<String> parts = new ArrayList<>();
		for (Column column : conditions) {
			String text = table.text(row, column).strip();
			if (!text.isEmpty()) {
				String title = column.title().isEmpty() ? "column " + column.letter() : column.title();
				parts.add(title + ": " + text.replaceAll("\\R", ", "));
			}
		}
		return String.join("; ", parts);
	}

}
