package dev.dmbot.server.escalationpolicy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetCell;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbook.SingleSheet;
import dev.dmbot.server.workbook.CellSyntax;
import dev.dmbot.server.workbook.DidYouMean;
import dev.dmbot.server.workbook.ReplyCheck;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.WorkbookValidator;

/**
 * Reads the {@code Escalations} sheet: settings rows on top (key in column A, value in
 * B), then one table whose header row has {@code Reason} in column A. Its titles name the
 * columns, in any order; the table ends at the first empty row. A set of workbooks has at
 * most one such sheet. Every cell that cannot be understood is a
 * {@link WorkbookCompileException} naming it, with the problem and the fix.
 */
final class EscalationsSheetReader {

	static final String NAME = "Escalations";

	private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9_]+");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+(?:\\.0+)?");

	/** Variables only the escalation texts know. */
	private static final List<String> VARIABLES = List.of("team", "opens");

	private static final String SEE_README = "rules/README.md, section \"Escalations: when a person takes over\"";

	enum Setting {

		WORKING_HOURS("Working hours"), TIME_ZONE("Time zone"), NOTES("Notes");

		private final String text;

		Setting(String text) {
			this.text = text;
		}

		static Optional<Setting> of(String cell) {
			return Arrays.stream(values()).filter((setting) -> key(setting.text).equals(key(cell))).findFirst();
		}

	}

	/** A customer text in another language: {@code Tell the customer (pt)}. */
	private static final java.util.regex.Pattern TRANSLATED = java.util.regex.Pattern
		.compile("(.+?)\\s*\\(\\s*([A-Za-z]+)\\s*\\)");

	private static final java.util.Set<String> ISO_LANGUAGES = java.util.Set.of(Locale.getISOLanguages());

	/**
	 * The columns of the customer texts in other languages: {@code in:pt},
	 * {@code out:es}.
	 */
	private final Map<String, Integer> translatedColumns = new LinkedHashMap<>();

	enum Title {

		REASON("Reason", false), INTENT("Intent", true), KEYWORDS("Keywords", true, "Keywords (any of)"),
		UNKNOWN_IN_A_ROW("Unknown in a row", true), FLOW_GAVE_UP("Flow gave up", true), HAS_TAG("Has tag", true),
		LEAD_SCORE_AT_LEAST("Lead score at least", true), REPLIES_ESCALATE("Replies escalate", true),
		TEAM("Team", false), PRIORITY("Priority", false), TELL("Tell the customer", false),
		TELL_OUT_OF_HOURS("Tell the customer out of hours", false), IDLE_TIMEOUT("Idle timeout", false),
		REPLY_SLA("Reply SLA", false);

		private final String text;

		private final boolean condition;

		private final List<String> aliases;

		Title(String text, boolean condition, String... aliases) {
			this.text = text;
			this.condition = condition;
			this.aliases = List.of(aliases);
		}

		static Optional<Title> of(String cell) {
			String wanted = key(cell);
			for (Title title : values()) {
				if (key(title.text).equals(wanted) || title.aliases.stream().anyMatch((a) -> key(a).equals(wanted))) {
					return Optional.of(title);
				}
			}
			return Optional.empty();
		}

		static List<String> conditions() {
			return Arrays.stream(values()).filter((title) -> title.condition).map((title) -> title.text).toList();
		}

	}

	private final String workbook;

	private final String sheetName;

	private final Collection<String> slots;

	private EscalationsSheetReader(String workbook, String sheetName, Collection<String> slots) {
		this.workbook = workbook;
		this.sheetName = sheetName;
		this.slots = slots;
	}

	/** Whether a sheet is the Escalations sheet, by its name. */
	static boolean holdsEscalations(Sheet sheet) {
		return sheet.getSheetName().strip().equalsIgnoreCase(NAME);
	}

	/**
	 * The escalation policy of a set of workbooks: the Escalations sheet of the one
	 * workbook that has it, or {@link EscalationPolicy#NONE} when none has.
	 * @param slots the slots the flows fill, for {@code {{slot.<name>}}} in the messages
	 * @throws WorkbookCompileException naming the cell to fix, or both workbooks when two
	 * have an Escalations sheet
	 */
	static EscalationPolicy read(List<ParsedWorkbook> workbooks, Collection<String> slots) {
		return new SingleSheet<>(EscalationsSheetReader::holdsEscalations, "an Escalations sheet",
				"one set of rules has one escalation policy", EscalationPolicy.NONE,
				(workbook, sheet) -> new EscalationsSheetReader(workbook, sheet.getSheetName(), slots).policy(sheet))
			.read(workbooks);
	}

	private EscalationPolicy policy(Sheet sheet) {
		int header = -1;
		for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
			if (text(sheet, r, 0).equalsIgnoreCase(Title.REASON.text)) {
				header = r;
				break;
			}
		}
		if (header < 0) {
			throw new WorkbookCompileException(this.workbook, this.sheetName, 0, null, null,
					"the sheet has no table: no row has Reason in column A.",
					"add a header row whose column A reads Reason, with the titles Team and at least one condition"
							+ " such as Intent (see " + SEE_README + ").",
					null);
		}
		Map<Setting, SheetCell> settings = settings(sheet, header);
		ZoneId zone = zone(settings.get(Setting.TIME_ZONE));
		WorkingHours hours = hours(settings.get(Setting.WORKING_HOURS), zone);
		Map<Title, Integer> columns = titles(sheet, header);
		if (!columns.containsKey(Title.TEAM)) {
			throw new WorkbookCompileException(this.workbook, this.sheetName, header + 1, null, null,
					"this table has no Team column, so nothing says who takes over.", "add a column titled Team.",
					null);
		}
		List<EscalationPolicy.Row> rows = new ArrayList<>();
		Map<String, SheetCell> reasons = new LinkedHashMap<>();
		int r = header + 1;
		for (; r <= sheet.getLastRowNum() && !blank(sheet, r, columns); r++) {
			rows.add(translated(sheet, r, row(cells(sheet, r, columns), reasons)));
		}
		checkBelowTable(sheet, r, columns);
		return new EscalationPolicy(rows, hours);
	}

	/**
	 * The row with its customer texts in other languages, from the columns titled
	 * {@code Tell the customer (pt)} and {@code Tell the customer out of hours (pt)}.
	 */
	private EscalationPolicy.Row translated(Sheet sheet, int r, EscalationPolicy.Row row) {
		if (this.translatedColumns.isEmpty()) {
			return row;
		}
		Map<String, String> inHours = new java.util.HashMap<>();
		Map<String, String> outOfHours = new java.util.HashMap<>();
		this.translatedColumns.forEach((key, c) -> {
			SheetCell cell = cell(sheet, r, c);
			String text = text(cell);
			if (text == null) {
				return;
			}
			boolean out = key.startsWith("out:");
			String language = key.substring(key.indexOf(':') + 1);
			if (!out && row.route().inHoursMessage() == null || out && row.route().outOfHoursMessage() == null) {
				throw cell.error(
						"this row has a text in " + language + " but none in "
								+ (out ? Title.TELL_OUT_OF_HOURS.text : Title.TELL.text)
								+ ", the one every other language gets.",
						"fill that cell of this row too, or empty this one.");
			}
			(out ? outOfHours : inHours).put(language, text);
		});
		EscalationRoute route = row.route();
		return new EscalationPolicy.Row(row.intents(), row.keywords(), row.unknownInARow(), row.flowGaveUp(),
				row.tags(), row.leadScoreAtLeast(), row.repliesEscalate(),
				new EscalationRoute(route.reason(), route.team(), route.priority(), route.inHoursMessage(),
						route.outOfHoursMessage(), route.idleTimeout(), route.sla(), route.row(), inHours, outOfHours));
	}

	private Map<Setting, SheetCell> settings(Sheet sheet, int header) {
		Map<Setting, SheetCell> settings = new EnumMap<>(Setting.class);
		for (int r = Math.max(0, sheet.getFirstRowNum()); r < header; r++) {
			String key = text(sheet, r, 0);
			SheetCell value = cell(sheet, r, 1);
			if (key.isEmpty()) {
				if (!value.value().isEmpty()) {
					throw value.error("this value has no setting name in column A.",
							"write Working hours or Time zone in column A of this row, or empty this cell.");
				}
				continue;
			}
			Optional<Setting> setting = Setting.of(key);
			if (setting.isEmpty()) {
				if (value.value().isEmpty()) {
					// A line of text alone in column A is a note for people, like a
					// title.
					continue;
				}
				SheetCell keyCell = cell(sheet, r, 0);
				throw keyCell.error(
						"unknown setting \"" + key + "\""
								+ DidYouMean.endOfSentence(key,
										Arrays.stream(Setting.values()).map((s) -> s.text).toList()),
						"the settings are Working hours and Time zone (a note may stand alone in column A).");
			}
			SheetCell earlier = settings.put(setting.get(), value);
			if (earlier != null) {
				throw cell(sheet, r, 0).error(
						setting.get().text + " is set twice; the first is in row " + earlier.row() + ".",
						"keep one " + setting.get().text + " row.");
			}
		}
		return settings;
	}

	private static ZoneId zone(SheetCell cell) {
		return (cell == null) ? WorkingHours.DEFAULT_ZONE : cell.zone(WorkingHours.DEFAULT_ZONE);
	}

	private static WorkingHours hours(SheetCell cell, ZoneId zone) {
		if (cell == null) {
			return WorkingHours.alwaysOpen(zone);
		}
		try {
			return WorkingHours.parse(cell.value(), zone);
		}
		catch (IllegalArgumentException ex) {
			throw cell.error(ex.getMessage(), WorkingHours.HOW_TO_WRITE);
		}
	}

	private Map<Title, Integer> titles(Sheet sheet, int r) {
		Map<Title, Integer> columns = new EnumMap<>(Title.class);
		Row row = sheet.getRow(r);
		for (int c = 0; c < row.getLastCellNum(); c++) {
			String text = text(sheet, r, c);
			if (text.isEmpty()) {
				continue;
			}
			SheetCell at = cell(sheet, r, c);
			java.util.regex.Matcher inLanguage = TRANSLATED.matcher(text);
			if (inLanguage.matches() && Title.of(inLanguage.group(1))
				.filter((t) -> t == Title.TELL || t == Title.TELL_OUT_OF_HOURS)
				.isPresent()) {
				String language = inLanguage.group(2).toLowerCase(Locale.ROOT);
				if (!ISO_LANGUAGES.contains(language)) {
					throw at.error("\"" + inLanguage.group(2) + "\" is not a two-letter language code.",
							"title the column like " + Title.TELL.text + " (pt), with the ISO 639-1 code of the"
									+ " language.");
				}
				String key = ((Title.of(inLanguage.group(1)).get() == Title.TELL) ? "in:" : "out:") + language;
				Integer twice = this.translatedColumns.put(key, c);
				if (twice != null) {
					throw at.error(
							"a second " + text + " column; the first is column "
									+ CellReference.convertNumToColString(twice) + ".",
							"keep one column titled " + text + ".");
				}
				continue;
			}
			Title title = Title.of(text)
				.orElseThrow(() -> at.error(
						"unknown column title \"" + text + "\""
								+ DidYouMean.endOfSentence(text,
										Arrays.stream(Title.values()).map((t) -> t.text).toList()),
						"use the titles listed in " + SEE_README + "."));
			Integer earlier = columns.put(title, c);
			if (earlier != null) {
				throw at.error(
						"a second " + title.text + " column; the first is column "
								+ CellReference.convertNumToColString(earlier) + ".",
						"keep one column titled " + title.text + ".");
			}
		}
		return columns;
	}

	private EscalationPolicy.Row row(Map<Title, SheetCell> row, Map<String, SheetCell> reasons) {
		SheetCell reasonCell = row.get(Title.REASON);
		if (reasonCell.value().isEmpty()) {
			throw reasonCell.error("the row has no reason.",
					"write a short name for it, e.g. refund or asked_for_human: it names the escalation in the"
							+ " queue and in the metrics.");
		}
		String reason = name(reasonCell, "reason");
		SheetCell earlier = reasons.putIfAbsent(reason, reasonCell);
		if (earlier != null) {
			throw reasonCell.error("the reason " + reason + " is also used in row " + earlier.row() + ".",
					"give each row a reason of its own, e.g. " + reason + "_2, so the queue and the metrics tell"
							+ " them apart.");
		}
		Set<String> intents = intents(row.get(Title.INTENT));
		List<String> keywords = keywords(row.get(Title.KEYWORDS));
		Long unknownInARow = unknownInARow(row.get(Title.UNKNOWN_IN_A_ROW));
		boolean flowGaveUp = yesNo(row.get(Title.FLOW_GAVE_UP), "flow gave up");
		Set<String> tags = new LinkedHashSet<>();
		CellSyntax.items(row.get(Title.HAS_TAG).value()).forEach((tag) -> tags.add(tag.toLowerCase(Locale.ROOT)));
		Integer leadScore = leadScore(row.get(Title.LEAD_SCORE_AT_LEAST));
		boolean repliesEscalate = yesNo(row.get(Title.REPLIES_ESCALATE), "replies escalate");
		SheetCell teamCell = row.get(Title.TEAM);
		if (teamCell.value().isEmpty()) {
			throw teamCell.error("the row names no team.", "write who takes over, e.g. care or sales.");
		}
		String team = name(teamCell, "team");
		String priority = priority(row.get(Title.PRIORITY));
		String inHours = text(row.get(Title.TELL));
		String outOfHours = text(row.get(Title.TELL_OUT_OF_HOURS));
		Duration idleTimeout = duration(row.get(Title.IDLE_TIMEOUT));
		Duration sla = duration(row.get(Title.REPLY_SLA));
		EscalationRoute route = new EscalationRoute(reason, team, priority, inHours,
				(outOfHours != null) ? outOfHours : inHours, idleTimeout, sla,
				new FiredRow(this.workbook, this.sheetName, reasonCell.row()));
		EscalationPolicy.Row parsed = new EscalationPolicy.Row(intents, keywords, unknownInARow, flowGaveUp, tags,
				leadScore, repliesEscalate, route);
		if (!parsed.hasCondition()) {
			throw reasonCell.error("this row has no condition, so it would hand every message to a person.",
					"fill at least one of " + String.join(", ", Title.conditions())
							+ " (no in Flow gave up or Replies escalate means it does not matter).");
		}
		return parsed;
	}

	private static Set<String> intents(SheetCell cell) {
		Set<String> intents = new LinkedHashSet<>();
		for (String intent : CellSyntax.conditionItems(cell.value(), false)) {
			if (!WorkbookValidator.INTENTS.contains(intent)) {
				throw cell.error(
						"unknown intent \"" + intent + "\""
								+ DidYouMean.endOfSentence(intent, WorkbookValidator.INTENTS),
						"use one of " + String.join(", ", WorkbookValidator.INTENTS)
								+ " (comma-separated for several).");
			}
			intents.add(intent);
		}
		return intents;
	}

	private static List<String> keywords(SheetCell cell) {
		List<String> keywords = new ArrayList<>();
		for (String keyword : CellSyntax.conditionItems(cell.value(), true)) {
			if (keyword.isBlank()) {
				throw cell.error("a keyword has no letters or digits, so it can never match.",
						"write words separated by commas, e.g. refund, money back, reembolso.");
			}
			// As in IncomingMessage.mentionsAny: a space before, none after, so that a
			// keyword matches a whole word or the start of one.
			keywords.add(" " + keyword);
		}
		return keywords;
	}

	private static Long unknownInARow(SheetCell cell) {
		if (cell.value().isEmpty()) {
			return null;
		}
		Long number = wholeNumber(cell.value());
		if (number == null || number < 1) {
			throw cell.error("\"" + cell.value() + "\" is not a whole number of 1 or more.",
					"write how many messages in a row the bot must fail to understand, e.g. 3.");
		}
		return number;
	}

	private static Integer leadScore(SheetCell cell) {
		if (cell.value().isEmpty()) {
			return null;
		}
		Long number = wholeNumber(cell.value());
		if (number == null || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
			throw cell.error("\"" + cell.value() + "\" is not a whole number of points.",
					"write the lowest lead score that goes to a person, e.g. 100.");
		}
		return number.intValue();
	}

	private static Long wholeNumber(String text) {
		String value = text.strip();
		if (!WHOLE_NUMBER.matcher(value).matches()) {
			return null;
		}
		try {
			return Long.parseLong(value.replaceAll("\\.0+$", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean yesNo(SheetCell cell, String what) {
		Boolean value = CellSyntax.yesNo(cell.value());
		if (value == null) {
			throw cell.error(what + " is \"" + cell.value() + "\".",
					"write yes (only then) or no (does not matter), or leave it empty.");
		}
		return value;
	}

	private static String priority(SheetCell cell) {
		if (cell.value().isEmpty()) {
			return EscalationRoute.DEFAULT_PRIORITY;
		}
		String priority = cell.value().toLowerCase(Locale.ROOT);
		if (!EscalationRoute.PRIORITIES.contains(priority)) {
			throw cell.error(
					"unknown priority \"" + cell.value() + "\""
							+ DidYouMean.endOfSentence(cell.value(), EscalationRoute.PRIORITIES),
					"write one of " + String.join(", ", EscalationRoute.PRIORITIES)
							+ ", or leave it empty for normal.");
		}
		return priority;
	}

	private String text(SheetCell cell) {
		if (cell.value().isEmpty()) {
			return null;
		}
		ReplyCheck.check("message", cell.value(), this.slots, VARIABLES).ifPresent((problem) -> {
			throw cell.error(problem.problem(), problem.fix());
		});
		return cell.value();
	}

	private static Duration duration(SheetCell cell) {
		if (cell.value().isEmpty()) {
			return null;
		}
		Duration duration = CellSyntax.duration(cell.value())
			.orElseThrow(() -> cell.error(CellSyntax.notADuration(cell.value()), CellSyntax.DURATION_FIX));
		if (duration.isZero()) {
			throw cell.error("\"" + cell.value() + "\" is no time at all.",
					"write a length of time longer than zero, e.g. 48 hours, or leave it empty for the server's default.");
		}
		return duration;
	}

	private static String name(SheetCell cell, String what) {
		String lower = cell.value().toLowerCase(Locale.ROOT);
		if (!NAME_PATTERN.matcher(lower).matches()) {
			String suggestion = lower.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
			throw cell.error("\"" + cell.value() + "\" is not a valid " + what + " name.",
					"use lowercase letters, digits and _ only"
							+ (suggestion.isEmpty() ? "." : ", e.g. " + suggestion + "."));
		}
		return lower;
	}

	// A table ends at its first empty row. A row further down that fills table columns
	// would be silently ignored: say so instead.
	private void checkBelowTable(Sheet sheet, int from, Map<Title, Integer> columns) {
		for (int r = from; r <= sheet.getLastRowNum(); r++) {
			Map<Title, SheetCell> row = cells(sheet, r, columns);
			SheetCell first = row.get(Title.REASON);
			if (first.value().equalsIgnoreCase(Title.REASON.text)) {
				throw first.error("a second table; the sheet has one, whose header is above.",
						"move these rows into the first table and delete this header row.");
			}
			if (Setting.of(first.value()).isPresent() && !text(sheet, r, 1).isEmpty()) {
				throw first.error("settings go above the table, where they are read; here it would be ignored.",
						"move this row above the header row (the row whose column A reads Reason).");
			}
			for (Map.Entry<Title, SheetCell> cell : row.entrySet()) {
				if (cell.getKey() != Title.REASON && cell.getValue().column() != null
						&& !cell.getValue().value().isEmpty()) {
					throw cell.getValue()
						.error("this row is below the empty row that ends the table, so it would be ignored.",
								"delete the empty rows above it, so the row joins the table.");
				}
			}
		}
	}

	private Map<Title, SheetCell> cells(Sheet sheet, int r, Map<Title, Integer> columns) {
		return SheetCell.row(this.workbook, this.sheetName, sheet, r, columns, Title.class);
	}

	private SheetCell cell(Sheet sheet, int r, int c) {
		return SheetCell.at(this.workbook, this.sheetName, sheet, r, c);
	}

	private static boolean blank(Sheet sheet, int r, Map<Title, Integer> columns) {
		return SheetCell.blank(sheet, r, columns.values());
	}

	private static String text(Sheet sheet, int row, int column) {
		return SheetCell.text(sheet, row, column);
	}

	private static String key(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
	}

}
