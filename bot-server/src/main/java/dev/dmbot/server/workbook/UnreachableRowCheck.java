package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.dmbot.server.workbook.RuleTable.Column;

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
			"mentionsAny", "languageIs");

	private final String workbook;

	UnreachableRowCheck(String workbook) {
		this.workbook = workbook;
	}

	void check(RuleTable table) {
		List<Column> conditions = table.columns().stream().filter(Column::isCondition).toList();
		// Read each cell once: tables of a few hundred rows compare tens of thousands of
		// pairs.
		List<List<Set<String>>> rows = new ArrayList<>();
		for (int row = table.firstDataRow(); row <= table.lastDataRow(); row++) {
			List<Set<String>> cells = new ArrayList<>();
			for (Column column : conditions) {
				cells.add(items(column, table.text(row, column)));
			}
			rows.add(cells);
		}
		for (int later = 0; later < rows.size(); later++) {
			for (int earlier = 0; earlier < later; earlier++) {
				if (covers(rows.get(earlier), rows.get(later))) {
					throw unreachable(table, conditions, table.firstDataRow() + earlier, table.firstDataRow() + later);
				}
			}
		}
	}

	/**
	 * What a condition cell lists, empty for a blank cell ("any"). A condition the server
	 * does not know is one item, its whole text: only the same text is sure to match the
	 * same messages.
	 */
	private static Set<String> items(Column column, String text) {
		if (text.isBlank()) {
			return Set.of();
		}
		String method = ANY_OF.stream().filter(column::calls).findFirst().orElse(null);
		if (method == null) {
			return Set.of(text.strip());
		}
		Set<String> items = CellSyntax.conditionItems(text, method.equals("mentionsAny"));
		// A cell of only quotes or commas still holds a condition Drools keeps.
		return items.isEmpty() ? Set.of(text) : items;
	}

	private static boolean covers(List<Set<String>> wide, List<Set<String>> narrow) {
		for (int i = 0; i < wide.size(); i++) {
			if (!wide.get(i).isEmpty() && (narrow.get(i).isEmpty() || !wide.get(i).containsAll(narrow.get(i)))) {
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
