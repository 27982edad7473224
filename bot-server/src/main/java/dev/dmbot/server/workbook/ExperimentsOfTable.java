package dev.dmbot.server.workbook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dmbot.server.workbook.RuleTable.Column;

/**
 * Finds the A/B-tested replies of decision tables, once their cells have been checked.
 */
final class ExperimentsOfTable {

	private ExperimentsOfTable() {
	}

	/** Adds the table's experiments to those found so far. */
	static void collect(String workbook, RuleTable table, List<Found> found) {
		Column reply = column(table, "reply");
		if (reply == null) {
			return;
		}
		Column named = column(table, "experiment");
		for (int row = table.firstDataRow(); row <= table.lastDataRow(); row++) {
			String cell = table.text(row, reply);
			if (!ReplyVariants.holdsVariants(cell)) {
				continue;
			}
			FiredRow at = new FiredRow(workbook, table.sheet().getSheetName(), row + 1);
			String name = (named != null) ? table.text(row, named).strip() : "";
			Column located = (named != null && !name.isEmpty()) ? named : reply;
			if (name.isEmpty()) {
				name = Experiment.defaultName(at);
			}
			found.add(new Found(new Experiment(name, at, cell, ReplyVariants.parse(cell)), located.letter(),
					table.text(row, located)));
		}
	}

	/**
	 * The experiments by row.
	 * @throws WorkbookCompileException when two rows share a name, whose counts would mix
	 */
	static Map<FiredRow, Experiment> byRow(List<Found> found) {
		Map<String, Experiment> byName = new HashMap<>();
		Map<FiredRow, Experiment> byRow = new HashMap<>();
		for (Found each : found) {
			Experiment experiment = each.experiment();
			Experiment other = byName.putIfAbsent(experiment.name(), experiment);
			if (other != null) {
				FiredRow at = experiment.row();
				throw new WorkbookCompileException(at.workbook(), at.sheet(), at.row(), each.column(), each.value(),
						"the experiment \"" + experiment.name() + "\" is also the test of " + other.row() + ".",
						"give each A/B-tested reply an Experiment name of its own.", null);
			}
			byRow.put(experiment.row(), experiment);
		}
		return byRow;
	}

	private static Column column(RuleTable table, String method) {
		return table.columns().stream().filter((c) -> c.calls(method)).findFirst().orElse(null);
	}

	/** An experiment and the cell to point at when its name clashes. */
	record Found(Experiment experiment, String column, String value) {
	}

}
