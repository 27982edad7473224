package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.dmbot.server.workbook.TestTurn.Expected;
import dev.dmbot.server.platform.events.EventKind;

/**
 * Reads the {@code Tests} sheet of a workbook: column titles in row 1 (any order, any
 * case), one test turn per row below, empty rows skipped. A cell that cannot be
 * understood is a {@link WorkbookCompileException} naming it, never a test that silently
 * checks nothing.
 */
public final class TestsSheet {

	/** The sheet's name; Excel matches sheet names without regard to case, so do we. */
	public static final String NAME = "Tests";

	/**
	 * The events a test turn can send: the ones the conversation answers automatically.
	 */
	static final List<String> EVENTS = EventKind.testNames();

	/**
	 * The intent of events that carry no text to classify, as the conversation names it.
	 */
	static final String NO_TEXT_INTENT = DecisionRequest.NO_TEXT_INTENT;

	enum Title {

		CONVERSATION("Conversation"), STATE("State"), TAGS("Tags"), ATTRIBUTES("Attributes"), EVENT("Event"),
		TEXT("Text"), PAYLOAD("Payload"), EXPECT_INTENT("Expect intent"),
		EXPECT_REPLY_CONTAINS("Expect reply contains"), EXPECT_NEXT_STATE("Expect next state"),
		EXPECT_ESCALATE("Expect escalate");

		private final String text;

		Title(String text) {
			this.text = text;
		}

		String text() {
			return this.text;
		}

		static Title of(String cell) {
			String wanted = cell.trim().replaceAll("\\s+", " ");
			for (Title title : values()) {
				if (title.text.equalsIgnoreCase(wanted)) {
					return title;
				}
			}
			return null;
		}

		static String all() {
			List<String> texts = new ArrayList<>();
			for (Title title : values()) {
				texts.add(title.text);
			}
			return String.join(", ", texts);
		}

	}

	private final String workbook;

	private final Sheet sheet;

	private final Map<Title, Integer> columns = new EnumMap<>(Title.class);

	private TestsSheet(String workbook, Sheet sheet) {
		this.workbook = workbook;
		this.sheet = sheet;
	}

	/** The test turns of a workbook, top to bottom; none when it has no Tests sheet. */
	public static List<TestTurn> read(Workbook workbook) {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
			return read(workbook.name(), poi);
		}
		catch (IOException | RuntimeException ex) {
			throw WorkbookCompileException.unreadable(workbook.name(), ex);
		}
	}

	public static List<TestTurn> read(String workbook, org.apache.poi.ss.usermodel.Workbook poi) {
		Sheet sheet = poi.getSheet(NAME);
		if (sheet == null) {
			return List.of();
		}
		return new TestsSheet(workbook, sheet).turns();
	}

	private List<TestTurn> turns() {
		List<TestTurn> turns = new ArrayList<>();
		if (this.sheet.getLastRowNum() < 0 || this.sheet.getPhysicalNumberOfRows() == 0) {
			return turns;
		}
		readTitles();
		for (int r = 1; r <= this.sheet.getLastRowNum(); r++) {
			if (isEmpty(r)) {
				continue;
			}
			turns.add(turn(r));
		}
		return turns;
	}

	private void readTitles() {
		Row titles = this.sheet.getRow(0);
		if (titles != null) {
			for (Cell cell : titles) {
				String text = RuleTable.text(this.sheet, 0, cell.getColumnIndex());
				if (text.isBlank()) {
					continue;
				}
				Title title = Title.of(text);
				if (title == null) {
					throw error(0, cell.getColumnIndex(), "unknown column title '" + text.trim() + "'.",
							"row 1 holds the column titles; use " + Title.all() + " (any order).");
				}
				Integer earlier = this.columns.putIfAbsent(title, cell.getColumnIndex());
				if (earlier != null) {
					throw error(0, cell.getColumnIndex(),
							"the column title '" + title.text() + "' is already in column " + letter(earlier) + ".",
							"keep one of the two columns.");
				}
			}
		}
		if (this.columns.isEmpty()) {
			throw error(0, 0, "row 1 has no column titles, but the rows below hold tests.",
					"write the titles in row 1: " + Title.all() + ".");
		}
	}

	private TestTurn turn(int r) {
		String event = text(r, Title.EVENT).toLowerCase(Locale.ROOT);
		if (event.isEmpty()) {
			event = EventKind.MESSAGE.ruleName();
		}
		else if (EventKind.fromRuleName(event).filter(EventKind::inTests).isEmpty()) {
			throw error(r, Title.EVENT, "unknown event '" + text(r, Title.EVENT) + "'.",
					"use one of " + String.join(", ", EVENTS) + " (blank is message).");
		}
		String state = text(r, Title.STATE);
		return new TestTurn(this.workbook, this.sheet.getSheetName(), r + 1, text(r, Title.CONVERSATION),
				state.isEmpty() ? null : noneAsEmpty(state), new LinkedHashSet<>(CellSyntax.items(text(r, Title.TAGS))),
				attributes(r), event, blankAsNull(text(r, Title.TEXT)), blankAsNull(text(r, Title.PAYLOAD)),
				expectedIntent(r), expected(r, Title.EXPECT_REPLY_CONTAINS, text(r, Title.EXPECT_REPLY_CONTAINS)),
				expected(r, Title.EXPECT_NEXT_STATE, noneAsEmpty(text(r, Title.EXPECT_NEXT_STATE))),
				expectedEscalate(r));
	}

	private Map<String, String> attributes(int r) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (String pair : text(r, Title.ATTRIBUTES).split("[;\\n]")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals <= 0 || pair.substring(0, equals).isBlank()) {
				throw error(r, Title.ATTRIBUTES, "the attribute '" + pair.trim() + "' has no name=value.",
						"write attributes as name=value; name2=value2, e.g. first_name=Ana.");
			}
			attributes.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
		return attributes;
	}

	private Expected expectedIntent(int r) {
		String intent = text(r, Title.EXPECT_INTENT).toLowerCase(Locale.ROOT);
		if (!intent.isEmpty() && !intent.equals(NO_TEXT_INTENT) && !WorkbookValidator.INTENTS.contains(intent)) {
			throw error(r, Title.EXPECT_INTENT, "unknown intent '" + text(r, Title.EXPECT_INTENT) + "'.",
					"use one of " + String.join(", ", WorkbookValidator.INTENTS) + ", or " + NO_TEXT_INTENT
							+ " for events without text.");
		}
		return expected(r, Title.EXPECT_INTENT, intent);
	}

	private Expected expectedEscalate(int r) {
		String cell = text(r, Title.EXPECT_ESCALATE);
		if (cell.isEmpty()) {
			return null;
		}
		Boolean escalate = CellSyntax.yesNo(cell);
		if (escalate == null) {
			throw error(r, Title.EXPECT_ESCALATE, "expect escalate is '" + cell + "'.",
					"write yes or no, or leave it blank to not check.");
		}
		return expected(r, Title.EXPECT_ESCALATE, escalate ? "yes" : "no");
	}

	/** {@code null} when the column is missing or its cell blank: not checked. */
	private Expected expected(int r, Title title, String value) {
		Integer column = this.columns.get(title);
		if (column == null || RuleTable.text(this.sheet, r, column).isBlank()) {
			return null;
		}
		return new Expected(value, letter(column));
	}

	private boolean isEmpty(int r) {
		return this.columns.values().stream().allMatch((column) -> RuleTable.text(this.sheet, r, column).isBlank());
	}

	private String text(int r, Title title) {
		Integer column = this.columns.get(title);
		return (column != null) ? RuleTable.text(this.sheet, r, column).trim() : "";
	}

	private static String noneAsEmpty(String state) {
		return state.equalsIgnoreCase("none") ? "" : state;
	}

	private static String blankAsNull(String text) {
		return text.isBlank() ? null : text;
	}

	private static String letter(int column) {
		return CellReference.convertNumToColString(column);
	}

	private WorkbookCompileException error(int r, Title title, String problem, String fix) {
		return error(r, this.columns.get(title), problem, fix);
	}

	private WorkbookCompileException error(int r, int column, String problem, String fix) {
		return new WorkbookCompileException(this.workbook, this.sheet.getSheetName(), r + 1, letter(column), problem,
				fix);
	}

}
