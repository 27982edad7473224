package dev.dmbot.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.dmbot.server.workbook.Workbook;

/**
 * Workbooks for the decision-table benchmarks: the shipped one, and decision tables
 * generated in memory with the shipped workbook's layout and any number of rows.
 */
final class BenchmarkWorkbooks {

	private static final String SHIPPED = "lumen-oak.xlsx";

	private static final List<String> MATERIALS = List.of("oak", "walnut", "linen", "wool", "ceramic", "rattan",
			"brass", "marble", "velvet", "jute");

	private static final List<String> PIECES = List.of("lamp", "rug", "cushion", "sofa", "chair", "table", "shelf",
			"mirror", "vase", "candle");

	/**
	 * The kinds of row a catalogue table holds: one per hundred generated rows, so each
	 * material and piece appears once per kind and no two rows ask the same question.
	 */
	private static final List<RowKind> KINDS = List.of(
			new RowKind("availability", "", "browsing", "no",
					"Good news, {{first_name|there}}! Our %s %s (%s) is in stock in our Porto workshop and leaves"
							+ " within 2 working days 📦 Want me to put one aside for you?"),
			new RowKind("pricing", "", "quote_requested", "no",
					"Our %s %s (%s) starts at €%d, {{first_name|there}}. Delivery is free in mainland Portugal"
							+ " on orders over €150. Shall I send you the sizes and colours?"),
			new RowKind("product_question", "", "browsing", "no",
					"The %s %s (%s) is made by hand in Porto from certified materials 🌿 It comes with a two-year"
							+ " guarantee. Tell me the room it is for and I'll help you pick a size."),
			new RowKind("shipping", "", "", "no",
					"The %s %s (%s) ships all over Portugal and the EU 🚚 Mainland Portugal takes 2–3 working days;"
							+ " the islands and the rest of the EU 4–7, from €12.90."),
			new RowKind("availability", "browsing", "quote_requested", "no",
					"Still looking at the %s %s (%s)? It is in stock today, {{first_name|there}}. I can reserve it"
							+ " for 48 hours while you decide."),
			new RowKind("pricing", "quote_requested", "booking_requested", "no",
					"For the %s %s (%s) our designers can also make a made-to-measure version, from €%d. Would you"
							+ " like a free 30-minute consultation to plan it?"),
			new RowKind("booking", "booking_requested", "booking_requested", "no",
					"We have your consultation request for the %s %s (%s) 🗓️ A designer will confirm your slot"
							+ " within one working day."),
			new RowKind("returns", "none", "return_requested", "no",
					"You can return the %s %s (%s) within 30 days, unused and in its original packaging. Send me your"
							+ " order number and I'll start the return."),
			new RowKind("complaint", "", "", "yes",
					"I'm really sorry about your %s %s (%s), {{first_name|there}} 😔 I've passed your message to our"
							+ " customer care team, and a person will reply here shortly."),
			new RowKind("order_status", "", "awaiting_order_number", "no",
					"Happy to check on your %s %s (%s) 📦 Please send me your order number (it starts with LO-) and"
							+ " the email you used at checkout."));

	private static final String CATCH_ALL = "Sorry, I didn't quite get that 🙈 Could you say it another way? Or pick"
			+ " one of these:";

	private static final String MENU = "Shipping>ICEBREAKER_SHIPPING; Order status>ICEBREAKER_ORDER_STATUS;"
			+ " Design consult>ICEBREAKER_BOOKING; Talk to a person>MENU_HUMAN";

	private BenchmarkWorkbooks() {
	}

	/** {@code rules/lumen-oak.xlsx}, as packaged on the class path by the build. */
	static Workbook shipped() {
		try (InputStream in = BenchmarkWorkbooks.class.getResourceAsStream("/rules/" + SHIPPED)) {
			if (in == null) {
				throw new IllegalStateException("rules/" + SHIPPED + " is not on the class path; run the benchmarks"
						+ " through Maven so the build copies it (see bot-server/pom.xml, profile benchmarks)");
			}
			return new Workbook(SHIPPED, in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A Replies table of {@code rows} rows laid out like the shipped workbook: up to 999
	 * catalogue rows (a material and piece as keywords, an intent, some a state; a reply
	 * of about 200 characters with a variable, quick replies, a next state, a tag, some
	 * an escalation), then a catch-all row. One row is the catch-all alone.
	 */
	static Workbook generated(int rows) {
		if (rows < 1 || rows > MATERIALS.size() * PIECES.size() * KINDS.size()) {
			throw new IllegalArgumentException("rows must be 1 to 1000, but was " + rows);
		}
		try (XSSFWorkbook poi = new XSSFWorkbook()) {
			Sheet sheet = poi.createSheet("Replies");
			settings(sheet);
			for (int i = 0; i < rows - 1; i++) {
				catalogueRow(sheet.createRow(12 + i), i);
			}
			cells(sheet.createRow(12 + rows - 1), "", "", "", "", "", "", CATCH_ALL, MENU, "", "", "no");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return new Workbook("generated-" + rows + ".xlsx", out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// The rows above the first rule, as the shipped workbook has them.
	private static void settings(Sheet sheet) {
		cells(sheet.createRow(0), "RuleSet", "dev.dmbot.rules.generated");
		cells(sheet.createRow(1), "Import", "dev.dmbot.server.rules.IncomingMessage");
		cells(sheet.createRow(2), "Variables", "dev.dmbot.server.rules.DecisionSink decision");
		cells(sheet.createRow(3), "Sequential", "true");
		cells(sheet.createRow(4), "ACTIVATION-GROUP", "replies");
		cells(sheet.createRow(7), "RuleTable Replies");
		cells(sheet.createRow(8), "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION",
				"ACTION", "ACTION", "ACTION", "ACTION", "ACTION");
		Row factType = sheet.createRow(9);
		cells(factType, "IncomingMessage");
		// One fact for all six conditions: Drools reads a merged cell as one pattern, but
		// only across cells that exist.
		for (int c = 1; c < 11; c++) {
			factType.createCell(c);
		}
		sheet.addMergedRegion(CellRangeAddress.valueOf("A10:F10"));
		cells(sheet.createRow(10), "eventIs(\"$param\")", "intentIs(\"$param\")", "stateIs(\"$param\")",
				"mentionsAny(\"$param\")", "payloadIs(\"$param\")", "hasTag(\"$param\")", "decision.reply(\"$param\");",
				"decision.quickReplies(\"$param\");", "decision.nextState(\"$param\");",
				"decision.addTags(\"$param\");", "decision.escalate(\"$param\");");
		cells(sheet.createRow(11), "Event type", "Intent", "State", "Keywords (any of)", "Payload", "Has tag", "Reply",
				"Quick replies", "Next state", "Add tags", "Escalate");
	}

	private static void catalogueRow(Row row, int i) {
		String material = MATERIALS.get(i % MATERIALS.size());
		String piece = PIECES.get(i / MATERIALS.size() % PIECES.size());
		RowKind kind = KINDS.get(i / (MATERIALS.size() * PIECES.size()));
		String sku = String.format("LO-%04d", 1000 + i);
		String reply = String.format(kind.reply(), material, piece, sku, 24 + 7 * (i % 120));
		String quickReplies = "Reserve it>RESERVE_" + sku.replace('-', '_') + "; Talk to a person>MENU_HUMAN";
		cells(row, "message", kind.intent(), kind.state(), material + " " + piece + ", " + sku, "", "", reply,
				quickReplies, kind.nextState(), material + "_" + piece, kind.escalate());
	}

	private static void cells(Row row, String... values) {
		for (int c = 0; c < values.length; c++) {
			if (!values[c].isEmpty()) {
				row.createCell(c).setCellValue(values[c]);
			}
		}
	}

	/**
	 * One kind of catalogue row.
	 *
	 * @param reply a format with the material, piece, SKU and a price, in that order
	 */
	private record RowKind(String intent, String state, String nextState, String escalate, String reply) {
	}

}
