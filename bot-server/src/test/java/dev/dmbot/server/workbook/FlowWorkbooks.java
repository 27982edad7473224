package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;

/**
 * A small workbook with a design-project flow, laid out as rules/README.md describes the
 * Flows sheet: a steps table, an empty row, an endings table.
 */
public final class FlowWorkbooks {

	public static final String[] STEP_TITLES = { "Flow", "Step", "Ask", "Slot", "Expect", "Options", "Also recognise",
			"Re-ask", "Attempts", "Next", "Score" };

	public static final String[] ENDING_TITLES = { "Flow", "Summary", "Tags", "Send lead", "Escalate at score",
			"Escalation reply", "Team", "Resume within", "Restart after" };

	private FlowWorkbooks() {
	}

	/** The Replies rows that start the flow or answer around it, and the flow itself. */
	public static WorkbookBuilder designShop() {
		return designShopWithFlowCell(null, null);
	}

	/**
	 * The design shop with one cell of its Flows sheet changed, e.g.
	 * {@code designShopWithFlowCell("E3", "emial")}; {@code null} changes nothing.
	 */
	public static WorkbookBuilder designShopWithFlowCell(String cell, String value) {
		String[][] rows = flowRows();
		if (cell != null) {
			org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(cell);
			String[] row = java.util.Arrays.copyOf(rows[ref.getRow()],
					Math.max(rows[ref.getRow()].length, ref.getCol() + 1));
			row[ref.getCol()] = value;
			rows[ref.getRow()] = row;
		}
		return replies().flowRows(rows);
	}

	public static WorkbookBuilder replies() {
		return workbook("shop.xlsx").rule("B", "booking", "G", "Lovely! A few quick questions:", "L", "design_project")
			.rule("D", "renovate, renovation", "G", "Great, let's plan it.", "L", "design_project")
			.rule("B", "hours_location", "G", "We're open Monday to Saturday, 10:00-19:00.")
			.rule("B", "greeting", "G", "Hello {{first_name|there}}!")
			.rule("B", "goodbye", "G", "Bye!")
			.rule("B", "opt_out", "G", "Done, no more messages.")
			.rule("B", "human_agent", "G", "A person will reply here shortly.", "K", "yes")
			.rule("G", "Thanks {{slot.name|there}}, we have {{slot.email|no email}}.", "B", "thanks");
	}

	/**
	 * The Flows sheet's rows from row 1: steps in rows 1 to 6, endings in rows 8 and 9.
	 */
	public static String[][] flowRows() {
		return new String[][] { STEP_TITLES,
				row("design_project", "project_type", "What kind of project is it?", "", "choice",
						"New home>new home; Renovation>renovation; Single room>single room",
						"renovation: renovate, remodel; new home: moving", "", "", "",
						"new home -> 20; renovation -> 15; else -> 5"),
				row("", "budget", "What budget do you have in mind?", "", "money", "300-5000000", "",
						"Sorry, I couldn't read a budget there ({{reason}}). Try \"around 15k\".", "", "",
						">= 10000 -> 100; >= 3000 -> 30; else -> 10"),
				row("", "city", "Which city is it in?", "", "text", "Porto; Lisbon", "", "", "", "", ""),
				row("", "name", "Who should our designer ask for?", "", "text", "", "", "", "", "", ""),
				row("", "email", "And your email?", "", "email", "", "", "That email won't work: {{reason}}.", "2", "",
						"10"),
				row(), ENDING_TITLES,
				row("design_project",
						"Thank you, {{slot.name}}! A {{slot.project_type}} project in {{slot.city}}, budget {{slot.budget}}. Book here: https://example.pt/book",
						"design_lead", "yes", "100",
						"Thank you, {{slot.name}}! A senior designer will call you within one working day.", "sales",
						"7 days", "30 days") };
	}

	public static String[] row(String... cells) {
		return cells;
	}

}
