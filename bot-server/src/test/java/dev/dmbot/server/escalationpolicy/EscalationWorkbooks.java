package dev.dmbot.server.escalationpolicy;

import java.util.Arrays;

import org.apache.poi.ss.util.CellReference;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.WorkbookBuilder;

/**
 * The design shop of {@link FlowWorkbooks} with an Escalations sheet laid out as
 * rules/README.md describes it: settings in rows 1 and 2, the header in row 4, one row
 * per kind of condition from row 5.
 */
final class EscalationWorkbooks {

	static final String[] TITLES = { "Reason", "Intent", "Keywords", "Unknown in a row", "Flow gave up", "Has tag",
			"Lead score at least", "Replies escalate", "Team", "Priority", "Tell the customer",
			"Tell the customer out of hours", "Idle timeout", "Reply SLA" };

	static final String IN_HOURS = "A teammate from {{team}} will reply here within about an hour 🙋";

	static final String OUT_OF_HOURS = "Our team is offline right now; a teammate will reply {{opens}} 🙋";

	private EscalationWorkbooks() {
	}

	/** The shop with every kind of escalation row. */
	static WorkbookBuilder shop() {
		return shopWithCell(null, null);
	}

	/**
	 * The shop with one cell of its Escalations sheet changed, e.g.
	 * {@code shopWithCell("B7", "complaitn")}; {@code null} changes nothing.
	 */
	static WorkbookBuilder shopWithCell(String cell, String value) {
		String[][] rows = rows();
		if (cell != null) {
			CellReference ref = new CellReference(cell);
			String[] row = Arrays.copyOf(rows[ref.getRow()], Math.max(rows[ref.getRow()].length, ref.getCol() + 1));
			row[ref.getCol()] = value;
			rows[ref.getRow()] = row;
		}
		return FlowWorkbooks.designShop().escalationRows(rows);
	}

	/** The Escalations sheet's rows from row 1; the table starts at row 4. */
	static String[][] rows() {
		return new String[][] { row("Working hours", "Mon-Fri 09:00-18:00; Sat 10:00-14:00"),
				row("Time zone", "Europe/Lisbon"), row(), TITLES,
				// Row 5 onwards; columns: A Reason, B Intent, C Keywords, D Unknown in a
				// row, E Flow gave up, F Has tag, G Lead score at least, H Replies
				// escalate, I Team, J Priority, K/L Tell the customer (out of hours),
				// M Idle timeout, N Reply SLA.
				row("vip", "", "", "", "", "vip", "", "yes", "care", "urgent", IN_HOURS, OUT_OF_HOURS, "24 hours",
						"30 minutes"),
				row("refund", "", "refund, money back, reembolso", "", "", "", "", "", "care", "high", IN_HOURS,
						OUT_OF_HOURS, "48 hours", "2 hours"),
				row("complaint", "complaint", "", "", "", "", "", "", "care", "high", IN_HOURS, ""),
				row("asked_for_human", "human_agent", "", "", "", "", "", "", "care", "", "", ""),
				row("not_understood", "", "", "3", "", "", "", "", "care", "normal", IN_HOURS, OUT_OF_HOURS),
				row("flow_gave_up", "", "", "", "yes", "", "", "", "care", "normal", IN_HOURS, OUT_OF_HOURS),
				row("big_lead", "", "", "", "", "", "100", "", "sales", "high",
						"Thank you, {{slot.name|there}}! A senior designer will call you within one working day.",
						"Thank you, {{slot.name|there}}! A senior designer will call you {{opens}}.", "72 hours",
						"4 hours"),
				row("escalated_by_replies", "", "", "", "", "", "", "yes", "care", "low", "", "") };
	}

	static String[] row(String... cells) {
		return cells;
	}

}
