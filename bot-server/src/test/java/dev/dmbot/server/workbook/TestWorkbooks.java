package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.dmbot.server.ShippedSheets;

/** Fixtures: the shipped workbook, copies of it with cells changed, and requests. */
public final class TestWorkbooks {

	public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

	private TestWorkbooks() {
	}

	public static Workbook shipped() {
		List<Workbook> workbooks = WorkbookSource.fromFolder(Path.of("..", "rules"));
		return workbooks.stream().filter((w) -> w.name().equals("lumen-oak.xlsx")).findFirst().orElseThrow();
	}

	/**
	 * The shipped workbook with cells of the Replies sheet set, e.g.
	 * {@code "B11", "intentIz(\"$param\")"}.
	 */
	public static Workbook shippedWith(String... cellsAndValues) {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(shipped().bytes()))) {
			Sheet sheet = poi.getSheet("Replies");
			for (int i = 0; i < cellsAndValues.length; i += 2) {
				CellReference ref = new CellReference(cellsAndValues[i]);
				Row row = (sheet.getRow(ref.getRow()) != null) ? sheet.getRow(ref.getRow())
						: sheet.createRow(ref.getRow());
				Cell cell = row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
				if (cellsAndValues[i + 1] == null) {
					row.removeCell(cell);
				}
				else {
					cell.setCellValue(cellsAndValues[i + 1]);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return new Workbook("lumen-oak.xlsx", out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static DecisionEngine engine(Workbook workbook) {
		return new DecisionEngine(List.of(workbook), CLOCK, ShippedSheets.all());
	}

	public static DecisionRequest textMessage(String intent, String text) {
		return request("message", intent, text, null, "", Set.of());
	}

	public static DecisionRequest textMessageInState(String intent, String text, String state) {
		return request("message", intent, text, null, state, Set.of());
	}

	public static DecisionRequest postback(String payload) {
		return request("postback", "unknown", null, payload, "", Set.of());
	}

	public static DecisionRequest quickReply(String title, String payload) {
		return request("quick_reply", "unknown", title, payload, "", Set.of());
	}

	public static DecisionRequest storyMention() {
		return request("story_mention", "unknown", null, null, "", Set.of());
	}

	public static DecisionRequest event(String eventType) {
		return request(eventType, "unknown", null, null, "", Set.of());
	}

	public static DecisionRequest request(String eventType, String intent, String text, String payload, String state,
			Set<String> tags) {
		return new DecisionRequest(eventType, intent, 0.9, text, payload, null, state, tags, 1,
				Map.of("first_name", "Ana"));
	}

}
