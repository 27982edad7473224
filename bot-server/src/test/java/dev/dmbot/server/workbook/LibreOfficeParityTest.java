package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dmbot.server.ShippedSheets;

/**
 * Analysts save the workbook from Excel or LibreOffice; either way the server must decide
 * the same. {@code workbooks/lumen-oak-libreoffice.xlsx} is the shipped workbook opened
 * and saved by LibreOffice Calc 7.4 ({@code soffice --headless --convert-to
 * xlsx:"Calc MS Excel 2007 XML" rules/lumen-oak.xlsx}); rerun that command when the
 * shipped workbook changes.
 */
class LibreOfficeParityTest {

	private static final String LIBREOFFICE_COPY = "/workbooks/lumen-oak-libreoffice.xlsx";

	/**
	 * A {@link WorkbookBuilder} workbook with one rule, the catch-all and 40 formatted
	 * empty rows below, saved by LibreOffice Calc 7.4 the same way.
	 */
	private static final String STYLED_ROWS_COPY = "/workbooks/styled-empty-rows-libreoffice.xlsx";

	private static final List<String> PAYLOADS = List.of("ICEBREAKER_SHIPPING", "ICEBREAKER_ORDER_STATUS",
			"ICEBREAKER_BOOKING", "MENU_HUMAN", "NOT_A_BUTTON");

	private static final List<String> STATES = List.of("", "flow:design_project", "some_other_state");

	private static byte[] libreOfficeBytes;

	private static CompiledRules shipped;

	private static CompiledRules libreOffice;

	@BeforeAll
	static void compileBoth() throws IOException {
		libreOfficeBytes = resource(LIBREOFFICE_COPY);
		shipped = compile(TestWorkbooks.shipped());
		// The same file name, so that the fired rows compare equal.
		libreOffice = compile(new Workbook("lumen-oak.xlsx", libreOfficeBytes));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = LibreOfficeParityTest.class.getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
	}

	private static CompiledRules compile(Workbook workbook) {
		return ShippedSheets.compile(List.of(workbook), TestWorkbooks.CLOCK.instant());
	}

	@Test
	void theCopyReallyWasWrittenByLibreOffice() throws IOException {
		Map<String, String> entries = zipEntries(libreOfficeBytes);

		assertThat(entries).containsKeys("xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml");
		assertThat(entries.get("docProps/app.xml")).contains("<Application>LibreOffice/");
		assertThat(zipEntries(TestWorkbooks.shipped().bytes()).get("docProps/app.xml")).doesNotContain("LibreOffice");
	}

	@Test
	void theShippedWorkbookAndItsLibreOfficeCopyDecideAlike() {
		Set<Integer> firedRows = new TreeSet<>();
		List<DecisionRequest> requests = requests();
		for (DecisionRequest request : requests) {
			Decision expected = shipped.decide(request);

			assertThat(libreOffice.decide(request)).as(request.toString()).isEqualTo(expected);
			expected.firedRows().forEach((row) -> firedRows.add(row.row()));
		}
		// Every rule row of the shipped workbook answered at least one request, so the
		// comparison covered the whole table.
		assertThat(firedRows).isEqualTo(rows(13, 43));
		assertThat(libreOffice.rowsByRule()).isEqualTo(shipped.rowsByRule());
	}

	@Test
	void emptyButFormattedCellsBelowTheTableAreIgnored() {
		WorkbookBuilder plain = workbook("shop.xlsx").rule("B", "pricing", "G", "Cushions from €24.");
		WorkbookBuilder styled = workbook("shop.xlsx").rule("B", "pricing", "G", "Cushions from €24.")
			.trailingStyledEmptyRows(40);

		CompiledRules withTrailingRows = compile(styled.build());

		assertThat(withTrailingRows.rowsByRule()).hasSize(2);
		assertThat(withTrailingRows.rowsByRule()).isEqualTo(compile(plain.build()).rowsByRule());
		assertThat(withTrailingRows.decide(TestWorkbooks.textMessage("pricing", "how much")).firedRows())
			.containsExactly(new FiredRow("shop.xlsx", "Replies", 13));
		assertThat(withTrailingRows.decide(TestWorkbooks.textMessage("greeting", "hi")).reply())
			.isEqualTo(WorkbookBuilder.CATCH_ALL_REPLY);
	}

	@Test
	void formattedEmptyRowsThatLibreOfficeWritesBelowTheTableAreIgnored() throws IOException {
		byte[] bytes = resource(STYLED_ROWS_COPY);
		assertThat(zipEntries(bytes).get("docProps/app.xml")).contains("<Application>LibreOffice/");
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = poi.getSheet("Replies");
			// LibreOffice keeps them as rows with a style and no cells.
			assertThat(sheet.getLastRowNum() + 1).isEqualTo(54);
			assertThat(sheet.getRow(53).isFormatted()).isTrue();
			assertThat(sheet.getRow(53).getPhysicalNumberOfCells()).isZero();
		}

		CompiledRules rules = compile(new Workbook("shop.xlsx", bytes));

		assertThat(rules.rowsByRule().values()).containsExactlyInAnyOrder(new FiredRow("shop.xlsx", "Replies", 13),
				new FiredRow("shop.xlsx", "Replies", 14));
		assertThat(rules.decide(TestWorkbooks.textMessage("pricing", "how much")).reply())
			.isEqualTo("Cushions from €24.");
		assertThat(rules.decide(TestWorkbooks.textMessage("greeting", "hi")).reply())
			.isEqualTo(WorkbookBuilder.CATCH_ALL_REPLY);
	}

	@Test
	void theLibreOfficeCopyWithFormattedRowsBelowTheTableDecidesAlike() {
		CompiledRules withTrailingRows = compile(
				new Workbook("lumen-oak.xlsx", withStyledEmptyRowsBelow(libreOfficeBytes, "Replies", 43, 63)));

		assertThat(withTrailingRows.rowsByRule()).isEqualTo(shipped.rowsByRule());
		for (DecisionRequest request : requests()) {
			assertThat(withTrailingRows.decide(request)).as(request.toString()).isEqualTo(shipped.decide(request));
		}
	}

	/**
	 * Every shipped intent in and out of a state, with and without tags and keywords;
	 * every payload as a postback, a quick reply and a referral; and every other event
	 * type.
	 */
	private static List<DecisionRequest> requests() {
		List<DecisionRequest> requests = new ArrayList<>();
		for (String intent : WorkbookValidator.INTENTS) {
			for (String state : STATES) {
				for (String text : List.of("hello", "Do you deliver to Pórto?", "")) {
					requests.add(request("message", intent, text, null, null, state, Set.of()));
				}
				requests.add(request("message", intent, "hi", null, null, state, Set.of("vip", "design_lead")));
				requests.add(request("story_reply", intent, "love it", null, null, state, Set.of()));
				requests.add(request("comment", intent, "nice", null, null, state, Set.of()));
				// The shipped comment row answers comments that ask for the price.
				requests.add(request("comment", intent, "price?", null, null, state, Set.of()));
			}
		}
		for (String payload : PAYLOADS) {
			requests.add(request("postback", "unknown", null, payload, null, "", Set.of()));
			requests.add(request("quick_reply", "unknown", "Tap", payload, null, "", Set.of()));
			requests.add(request("referral", "unknown", null, null, payload, "", Set.of()));
		}
		for (String eventType : WorkbookValidator.EVENT_TYPES) {
			for (String state : STATES) {
				requests.add(request(eventType, "unknown", null, null, null, state, Set.of()));
			}
		}
		requests.add(request("referral", "unknown", null, null, "SUMMER_AD", "", Set.of()));
		// The rows that start the design flow: its ad, its keywords and, once it runs, a
		// booking asked again.
		requests.add(request("referral", "unknown", null, null, "DESIGN_AD", "", Set.of()));
		requests.add(request("message", "unknown", "I want to renovate my living room", null, null, "", Set.of()));
		requests.add(
				request("message", "booking", "Can I book for Saturday?", null, null, "flow:design_project", Set.of()));
		requests.add(request("attachment", "unknown", null, null, null, "", Set.of("vip")));
		// The row for the price of a product of the Products sheet, in each language.
		for (String language : List.of("en", "pt", "es")) {
			requests.add(
					new DecisionRequest("message", "pricing", 0.9, "how much is the rug?", null, null, "", Set.of(), 3,
							Map.of("first_name", "Ana"), null, language,
							shipped
								.entitiesOf(
										"how much is the rug?", dev.dmbot.server.entities.Entities
											.of(TestWorkbooks.CLOCK, java.time.ZoneId.of("Europe/Lisbon"), "PT", "EUR"),
										language)));
			requests.add(new DecisionRequest("message", "shipping", 0.9, "Do you deliver to Pórto?", null, null, "",
					Set.of(), 3, Map.of("first_name", "Ana"), null, language, null));
		}
		return requests;
	}

	private static DecisionRequest request(String eventType, String intent, String text, String payload,
			String referralRef, String state, Set<String> tags) {
		return new DecisionRequest(eventType, intent, 0.9, text, payload, referralRef, state, tags, 3,
				Map.of("first_name", "Ana"));
	}

	private static Set<Integer> rows(int first, int last) {
		Set<Integer> rows = new TreeSet<>();
		for (int row = first; row <= last; row++) {
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, String> zipEntries(byte[] bytes) throws IOException {
		Map<String, String> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	/**
	 * Rows {@code from} to {@code to} (0-based, {@code to} excluded) given a row style
	 * and empty cells with a fill, as Excel keeps rows that were formatted and then
	 * cleared.
	 */
	private static byte[] withStyledEmptyRowsBelow(byte[] bytes, String sheetName, int from, int to) {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = poi.getSheet(sheetName);
			CellStyle style = poi.createCellStyle();
			style.setFillForegroundColor(IndexedColors.LIGHT_GREEN.getIndex());
			style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			for (int r = from; r < to; r++) {
				Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
				row.setRowStyle(style);
				for (int c = 0; c < 12; c++) {
					row.createCell(c).setCellStyle(style);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
