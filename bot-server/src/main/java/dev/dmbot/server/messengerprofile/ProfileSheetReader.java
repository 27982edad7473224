package dev.dmbot.server.messengerprofile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetCell;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbook.SingleSheet;
import dev.dmbot.server.workbook.DidYouMean;

/**
 * Reads the {@code Ice breakers & menu} sheet into a {@link MessengerProfile}: a table
 * whose header row has {@code Question} in column A (the ice breakers) and one whose
 * header row has {@code Menu item} in column A (the persistent menu). Titles name the
 * columns, in any order; a table ends at its first empty row; a line of text alone in
 * column A elsewhere is a note. Checks Meta's limits (4 ice breakers and 20 menu items
 * per locale, a {@code default} locale, the lengths of questions, titles and payloads)
 * and that a row of a decision table answers every payload, so a tap is never met by
 * silence. Every problem is a {@link WorkbookCompileException} naming the cell.
 */
final class ProfileSheetReader {

	static final String NAME = "Ice breakers & menu";

	/** Meta shows at most this many ice breakers per locale. */
	static final int MAX_ICE_BREAKERS = 4;

	/**
	 * Meta publishes no number for a question; 80 characters is what the Messenger
	 * profile accepts and what fits the chips in the app.
	 */
	static final int MAX_QUESTION = 80;

	/** Messenger-reference limits, which Meta says to assume for Instagram. */
	static final int MAX_MENU_ITEMS = 20;

	static final int MAX_TITLE = 30;

	static final int MAX_PAYLOAD = 1000;

	private static final Pattern LOCALE = Pattern.compile("[a-z]{2}_[A-Z]{2}");

	private static final String SEE_README = "rules/README.md, section \"Ice breakers and the persistent menu\"";

	enum Table {

		ICE_BREAKERS("Question", "ice breaker"), MENU("Menu item", "menu item");

		private final String header;

		private final String noun;

		Table(String header, String noun) {
			this.header = header;
			this.noun = noun;
		}

	}

	enum Title {

		QUESTION("Question"), MENU_ITEM("Menu item"), PAYLOAD("Payload"), URL("URL"), LOCALE("Locale");

		private final String text;

		Title(String text) {
			this.text = text;
		}

		static Optional<Title> of(String cell) {
			return Arrays.stream(values()).filter((title) -> key(title.text).equals(key(cell))).findFirst();
		}

	}

	private final String workbook;

	private final String sheetName;

	/** The payloads some decision-table row answers, lower case to the text as typed. */
	private final Map<String, String> answered;

	private ProfileSheetReader(String workbook, String sheetName, Map<String, String> answered) {
		this.workbook = workbook;
		this.sheetName = sheetName;
		this.answered = answered;
	}

	/** Whether a sheet is the ice breakers and menu sheet, by its name. */
	static boolean holdsProfile(Sheet sheet) {
		return key(sheet.getSheetName()).equals(key(NAME));
	}

	/**
	 * The ice breakers and menu of a set of workbooks, {@link MessengerProfile#NONE} when
	 * no workbook has the sheet.
	 * @throws WorkbookCompileException naming the cell to fix, or both workbooks when two
	 * have the sheet
	 */
	static MessengerProfile read(List<ParsedWorkbook> workbooks, Map<String, String> answered) {
		return new SingleSheet<>(ProfileSheetReader::holdsProfile, "an " + NAME + " sheet",
				"an Instagram account has one set of ice breakers and one menu", MessengerProfile.NONE,
				(workbook, sheet) -> new ProfileSheetReader(workbook, sheet.getSheetName(), answered).profile(sheet))
			.read(workbooks);
	}

	private MessengerProfile profile(Sheet sheet) {
		List<MessengerProfile.IceBreaker> iceBreakers = new ArrayList<>();
		List<MessengerProfile.MenuItem> menu = new ArrayList<>();
		Map<Table, SheetCell> seen = new EnumMap<>(Table.class);
		int r = Math.max(0, sheet.getFirstRowNum());
		while (r <= sheet.getLastRowNum()) {
			Optional<Table> table = tableAt(sheet, r);
			if (table.isEmpty()) {
				checkNote(sheet, r);
				r++;
				continue;
			}
			SheetCell header = cell(sheet, r, 0);
			SheetCell earlier = seen.put(table.get(), header);
			if (earlier != null) {
				throw header.error(
						"a second " + table.get().header + " table; the first starts at row " + earlier.row() + ".",
						"move these rows into the first table and delete this header row.");
			}
			Map<Title, Integer> columns = titles(sheet, r, table.get());
			Map<String, Integer> perLocale = new HashMap<>();
			r++;
			for (; r <= sheet.getLastRowNum() && !blank(sheet, r, columns); r++) {
				Map<Title, SheetCell> row = cells(sheet, r, columns);
				String locale;
				if (table.get() == Table.ICE_BREAKERS) {
					MessengerProfile.IceBreaker breaker = iceBreaker(row);
					iceBreakers.add(breaker);
					locale = breaker.locale();
				}
				else {
					MessengerProfile.MenuItem item = menuItem(row);
					menu.add(item);
					locale = item.locale();
				}
				checkCount(table.get(), locale, perLocale.merge(locale, 1, Integer::sum), row);
			}
		}
		if (seen.isEmpty()) {
			throw new WorkbookCompileException(this.workbook, this.sheetName, 0, null, null,
					"the sheet has no table: no row has Question or Menu item in column A.",
					"add a header row whose column A reads Question (ice breakers) or Menu item (persistent menu),"
							+ " see " + SEE_README + ".",
					null);
		}
		checkDefault(iceBreakers.stream().map(MessengerProfile.IceBreaker::locale).toList(),
				seen.get(Table.ICE_BREAKERS), Table.ICE_BREAKERS);
		checkDefault(menu.stream().map(MessengerProfile.MenuItem::locale).toList(), seen.get(Table.MENU), Table.MENU);
		return new MessengerProfile(iceBreakers, menu);
	}

	private Optional<Table> tableAt(Sheet sheet, int r) {
		String first = text(sheet, r, 0);
		return Arrays.stream(Table.values()).filter((table) -> key(table.header).equals(key(first))).findFirst();
	}

	private void checkNote(Sheet sheet, int r) {
		Row row = sheet.getRow(r);
		if (row == null) {
			return;
		}
		for (int c = 1; c < row.getLastCellNum(); c++) {
			if (!text(sheet, r, c).isEmpty()) {
				throw cell(sheet, r, c).error("this cell is in no table, so it would be ignored.",
						"move it into the table above (delete the empty rows between) or under a header row whose"
								+ " column A reads Question or Menu item.");
			}
		}
	}

	private Map<Title, Integer> titles(Sheet sheet, int r, Table table) {
		List<Title> allowed = (table == Table.ICE_BREAKERS) ? List.of(Title.QUESTION, Title.PAYLOAD, Title.LOCALE)
				: List.of(Title.MENU_ITEM, Title.PAYLOAD, Title.URL, Title.LOCALE);
		Map<Title, Integer> columns = new EnumMap<>(Title.class);
		Row row = sheet.getRow(r);
		for (int c = 0; c < row.getLastCellNum(); c++) {
			String text = text(sheet, r, c);
			if (text.isEmpty()) {
				continue;
			}
			SheetCell at = cell(sheet, r, c);
			Title title = Title.of(text)
				.filter(allowed::contains)
				.orElseThrow(() -> at.error(
						"unknown column title \"" + text + "\" for the " + table.noun + "s"
								+ DidYouMean.endOfSentence(text, allowed.stream().map((t) -> t.text).toList()),
						"use the titles " + String.join(", ", allowed.stream().map((t) -> t.text).toList()) + "."));
			Integer earlier = columns.put(title, c);
			if (earlier != null) {
				throw at.error(
						"a second " + title.text + " column; the first is column "
								+ CellReference.convertNumToColString(earlier) + ".",
						"keep one column titled " + title.text + ".");
			}
		}
		if (!columns.containsKey(Title.PAYLOAD) && table == Table.ICE_BREAKERS) {
			throw cell(sheet, r, 0).error("the ice breakers have no Payload column, so a tap would be met by silence.",
					"add a column titled Payload, holding the payload a row of the Replies sheet answers.");
		}
		if (table == Table.MENU && !columns.containsKey(Title.PAYLOAD) && !columns.containsKey(Title.URL)) {
			throw cell(sheet, r, 0).error("the menu has neither a Payload nor a URL column.",
					"add a column titled Payload (the bot answers) or URL (a link opens), or both.");
		}
		return columns;
	}

	private MessengerProfile.IceBreaker iceBreaker(Map<Title, SheetCell> row) {
		SheetCell question = row.get(Title.QUESTION);
		if (question.value().isEmpty()) {
			throw question.error("the ice breaker has no question.",
					"write the question people tap, e.g. Where is my order?");
		}
		if (question.value().length() > MAX_QUESTION) {
			throw question.error("the question is " + question.value().length()
					+ " characters long; Instagram takes at most " + MAX_QUESTION + ".",
					"shorten it to " + MAX_QUESTION + " characters or fewer.");
		}
		return new MessengerProfile.IceBreaker(locale(row.get(Title.LOCALE)), question.value(),
				payload(row.get(Title.PAYLOAD), true));
	}

	private MessengerProfile.MenuItem menuItem(Map<Title, SheetCell> row) {
		SheetCell title = row.get(Title.MENU_ITEM);
		if (title.value().isEmpty()) {
			throw title.error("the menu item has no title.",
					"write the words shown in the menu, e.g. Talk to a person.");
		}
		if (title.value().length() > MAX_TITLE) {
			throw title.error("the title is " + title.value().length() + " characters long; Instagram takes at most "
					+ MAX_TITLE + ".", "shorten it to " + MAX_TITLE + " characters or fewer.");
		}
		SheetCell payload = row.get(Title.PAYLOAD);
		SheetCell url = row.get(Title.URL);
		if (payload.value().isEmpty() == url.value().isEmpty()) {
			SheetCell at = payload.value().isEmpty() ? title : url;
			throw at.error(
					payload.value().isEmpty() ? "the menu item has neither a payload nor a URL."
							: "the menu item has both a payload and a URL; a menu item is one or the other.",
					"fill Payload for an answer from the bot, or URL for a link, not both.");
		}
		String locale = locale(row.get(Title.LOCALE));
		if (!url.value().isEmpty()) {
			return new MessengerProfile.MenuItem(locale, title.value(), null, url(url));
		}
		return new MessengerProfile.MenuItem(locale, title.value(), payload(payload, false), null);
	}

	private String payload(SheetCell cell, boolean required) {
		String payload = cell.value();
		if (payload.isEmpty()) {
			throw cell.error("no payload.",
					"write the payload a row of the Replies sheet answers, e.g. ICEBREAKER_SHIPPING.");
		}
		if (payload.length() > MAX_PAYLOAD) {
			throw cell.error("the payload is " + payload.length() + " characters long; Instagram takes at most "
					+ MAX_PAYLOAD + ".", "use a short code such as ICEBREAKER_SHIPPING.");
		}
		if (!this.answered.containsKey(payload.toLowerCase(Locale.ROOT))) {
			throw cell.error(
					"no row of a decision table answers the payload \"" + payload
							+ "\", so a tap would be met by silence"
							+ DidYouMean.endOfSentence(payload, this.answered.values()),
					"use a payload of the Replies sheet's Payload column ("
							+ String.join(", ", new TreeSet<>(this.answered.values()))
							+ "), or add a Replies row for this one.");
		}
		return payload;
	}

	private String url(SheetCell cell) {
		try {
			URI uri = new URI(cell.value());
			if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
				return cell.value();
			}
		}
		catch (URISyntaxException ex) {
			// Reported below, with the fix.
		}
		throw cell.error("not a web address Instagram can open.",
				"write a full https address, e.g. https://lumenandoak.pt/.");
	}

	private String locale(SheetCell cell) {
		String locale = cell.value();
		if (locale.isEmpty() || locale.equalsIgnoreCase(MessengerProfile.DEFAULT_LOCALE)) {
			return MessengerProfile.DEFAULT_LOCALE;
		}
		String normalised = locale.replace('-', '_');
		if (normalised.length() == 5) {
			normalised = normalised.substring(0, 2).toLowerCase(Locale.ROOT) + "_"
					+ normalised.substring(3).toUpperCase(Locale.ROOT);
		}
		if (!LOCALE.matcher(normalised).matches()) {
			throw cell.error("unknown locale \"" + locale + "\".",
					"write default (or leave it empty) for everyone, or a Meta locale such as pt_PT or en_GB.");
		}
		return normalised;
	}

	private void checkCount(Table table, String locale, int count, Map<Title, SheetCell> row) {
		int max = (table == Table.ICE_BREAKERS) ? MAX_ICE_BREAKERS : MAX_MENU_ITEMS;
		if (count > max) {
			SheetCell at = row.get((table == Table.ICE_BREAKERS) ? Title.QUESTION : Title.MENU_ITEM);
			throw at.error(
					"a " + ordinal(count) + " " + table.noun + " for the locale " + locale
							+ "; Instagram takes at most " + max + ".",
					"delete this row or another " + table.noun + " of the locale " + locale
							+ " (keep the ones people ask about most).");
		}
	}

	private static String ordinal(int n) {
		return switch (n % 10) {
			case 1 -> (n % 100 == 11) ? n + "th" : n + "st";
			case 2 -> (n % 100 == 12) ? n + "th" : n + "nd";
			case 3 -> (n % 100 == 13) ? n + "th" : n + "rd";
			default -> n + "th";
		};
	}

	private void checkDefault(List<String> locales, SheetCell header, Table table) {
		if (!locales.isEmpty() && !locales.contains(MessengerProfile.DEFAULT_LOCALE)) {
			throw header.error("no " + table.noun + " is for the default locale, which Instagram requires.",
					"leave the Locale cell empty (or write default) on the " + table.noun
							+ "s everyone else should see.");
		}
	}

	private static boolean blank(Sheet sheet, int r, Map<Title, Integer> columns) {
		return SheetCell.blank(sheet, r, columns.values());
	}

	private Map<Title, SheetCell> cells(Sheet sheet, int r, Map<Title, Integer> columns) {
		return SheetCell.row(this.workbook, this.sheetName, sheet, r, columns, Title.class);
	}

	private SheetCell cell(Sheet sheet, int r, int c) {
		return SheetCell.at(this.workbook, this.sheetName, sheet, r, c);
	}

	private static String text(Sheet sheet, int row, int column) {
		return SheetCell.text(sheet, row, column);
	}

	private static String key(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
	}

}
