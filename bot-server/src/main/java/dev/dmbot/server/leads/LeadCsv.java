package dev.dmbot.server.leads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Leads as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a
 * comma, a quote, CR or LF (quotes doubled). After the fixed columns comes one column per
 * slot name seen, in the order first seen; a slot named like a fixed column is headed
 * {@code slot.<name>}.
 * <p>
 * Slots hold what customers typed, so a slot value that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises against CSV injection. Phone numbers in E.164 then open as
 * text, keeping their {@code +}.
 */
final class LeadCsv {

	static final List<String> FIXED = List.of("id", "created_at", "updated_at", "status", "account_id", "sender_id",
			"conversation_id", "score", "tags", "flow", "rule", "attempts", "last_error");

	private LeadCsv() {
	}

	static String write(List<Lead> leads) {
		Set<String> slotNames = new LinkedHashSet<>();
		for (Lead lead : leads) {
			slotNames.addAll(lead.slots().keySet());
		}
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>(FIXED);
		for (String slot : slotNames) {
			header.add(FIXED.contains(slot) ? "slot." + slot : slot);
		}
		row(csv, header);
		for (Lead lead : leads) {
			List<String> row = new ArrayList<>();
			row.add(lead.id());
			row.add(String.valueOf(lead.createdAt()));
			row.add(String.valueOf(lead.updatedAt()));
			row.add(lead.status().tag());
			row.add(lead.accountId());
			row.add(lead.senderId());
			row.add(lead.conversationId());
			row.add(Integer.toString(lead.score()));
			row.add(String.join(";", lead.tags()));
			row.add(lead.source().flow());
			row.add(lead.source().rule());
			row.add(Integer.toString(lead.attempts()));
			row.add(lead.lastError());
			for (String slot : slotNames) {
				row.add(inert(lead.slots().get(slot)));
			}
			row(csv, row);
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(field(fields.get(i)));
		}
		csv.append("\r\n");
	}

	static String inert(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
				|| value.indexOf('\n') >= 0) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
