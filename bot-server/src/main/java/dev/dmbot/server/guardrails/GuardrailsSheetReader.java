package dev.dmbot.server.guardrails;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetCell;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbook.SingleSheet;
import dev.dmbot.server.workbook.CellSyntax;
import dev.dmbot.server.workbook.DidYouMean;
import dev.dmbot.server.workbook.ReplyCheck;
import dev.dmbot.server.escalationpolicy.WorkingHours;

/**
 * Reads the {@code Guardrails} sheet: one setting per row, its name in column A and its
 * value in column B; a line alone in column A is a note, and columns C onwards are notes
 * for people. A set of workbooks has at most one such sheet. Every cell that cannot be
 * understood is a {@link WorkbookCompileException} naming it, with the problem and the
 * fix.
 */
final class GuardrailsSheetReader {

	static final String NAME = "Guardrails";

	/** The longest opt-out or opt-in phrase, in words: longer ones are sentences. */
	static final int MAX_PHRASE_WORDS = 5;

	/**
	 * The longest disclosure, so that it leaves room in the message for the reply it
	 * opens.
	 */
	static final int MAX_DISCLOSURE_CHARS = 200;

	private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+(?:\\.0+)?");

	private static final String SEE_README = "rules/README.md, section \"Guardrails: opt-out, caps, quiet hours,"
			+ " disclosure\"";

	/** A setting in another language: {@code Opt-out reply (pt)}. */
	private static final java.util.regex.Pattern TRANSLATED = java.util.regex.Pattern
		.compile("(.+?)\\s*\\(\\s*([A-Za-z]+)\\s*\\)");

	private static final java.util.Set<String> ISO_LANGUAGES = java.util.Set.of(Locale.getISOLanguages());

	enum Setting {

		OPT_OUT_WORDS("Opt-out words", true), OPT_OUT_REPLY("Opt-out reply", true), OPT_IN_WORDS("Opt-in words", true),
		OPT_IN_REPLY("Opt-in reply", true), DAILY_CAP("Daily message cap", false), QUIET_HOURS("Quiet hours", false),
		TIME_ZONE("Time zone", false), DISCLOSURE("Disclosure", false);

		/** The settings whose text may be given in other languages too. */
		static final java.util.Set<Setting> TRANSLATABLE_SETTINGS = java.util.EnumSet.of(OPT_OUT_REPLY, OPT_IN_REPLY,
				DISCLOSURE);

		private final String text;

		private final boolean required;

		Setting(String text, boolean required) {
			this.text = text;
			this.required = required;
		}

		static Optional<Setting> of(String cell) {
			return Arrays.stream(values()).filter((setting) -> key(setting.text).equals(key(cell))).findFirst();
		}

		static List<String> names() {
			return Arrays.stream(values()).map((setting) -> setting.text).toList();
		}

	}

	private final String workbook;

	private final String sheetName;

	private final Collection<String> slots;

	private GuardrailsSheetReader(String workbook, String sheetName, Collection<String> slots) {
		this.workbook = workbook;
		this.sheetName = sheetName;
		this.slots = slots;
	}

	/** Whether a sheet is the Guardrails sheet, by its name. */
	static boolean holdsGuardrails(Sheet sheet) {
		return sheet.getSheetName().strip().equalsIgnoreCase(NAME);
	}

	/**
	 * The guardrails of a set of workbooks: the Guardrails sheet of the one workbook that
	 * has it, or {@link GuardrailPolicy#NONE} when none has.
	 * @param slots the slots the flows fill, for {@code {{slot.<name>}}} in the replies
	 * @throws WorkbookCompileException naming the cell to fix, or both workbooks when two
	 * have a Guardrails sheet
	 */
	static GuardrailPolicy read(List<ParsedWorkbook> workbooks, Collection<String> slots) {
		return new SingleSheet<>(GuardrailsSheetReader::holdsGuardrails, "a Guardrails sheet",
				"one set of rules has one set of guardrails", GuardrailPolicy.NONE,
				(workbook, sheet) -> new GuardrailsSheetReader(workbook, sheet.getSheetName(), slots).policy(sheet))
			.read(workbooks);
	}

	private GuardrailPolicy policy(Sheet sheet) {
		Map<Setting, Map<String, SheetCell>> translated = new EnumMap<>(Setting.class);
		Map<Setting, SheetCell> settings = settings(sheet, translated);
		for (Setting setting : Setting.values()) {
			SheetCell cell = settings.get(setting);
			if (setting.required && (cell == null || cell.value().isEmpty())) {
				throw new WorkbookCompileException(this.workbook, this.sheetName, (cell != null) ? cell
					.row() : 0, (cell != null) ? cell.column() : null, null, "the sheet has no "
							+ setting.text
							+ (setting == Setting.OPT_OUT_WORDS ? ", so nobody could stop the bot's messages."
									: (setting == Setting.OPT_IN_WORDS) ? ", so nobody who opted out could opt back in."
											: ", so the customer would not be told what happened."),
						"add a row with " + setting.text + " in column A and " + switch (setting) {
							case OPT_OUT_WORDS -> "words such as stop, unsubscribe, pare, basta in column B";
							case OPT_IN_WORDS -> "words such as start, subscribe, voltar in column B";
							default -> "the message in column B";
						} + " (see " + SEE_README + ").", null);
			}
		}
		List<String> optOut = phrases(settings.get(Setting.OPT_OUT_WORDS), Map.of());
		Map<String, SheetCell> optOutCells = new LinkedHashMap<>();
		optOut.forEach((phrase) -> optOutCells.put(phrase, settings.get(Setting.OPT_OUT_WORDS)));
		List<String> optIn = phrases(settings.get(Setting.OPT_IN_WORDS), optOutCells);
		String optOutReply = message(settings.get(Setting.OPT_OUT_REPLY));
		String optInReply = message(settings.get(Setting.OPT_IN_REPLY));
		Integer cap = cap(settings.get(Setting.DAILY_CAP));
		GuardrailPolicy.QuietHours quiet = quietHours(settings.get(Setting.QUIET_HOURS));
		ZoneId zone = zone(settings.get(Setting.TIME_ZONE));
		String disclosure = disclosure(settings.get(Setting.DISCLOSURE));
		Map<String, Map<String, String>> translations = new java.util.HashMap<>();
		translated.forEach((setting, byLanguage) -> {
			SheetCell fallback = settings.get(setting);
			byLanguage.forEach((language, cell) -> {
				if (fallback == null || fallback.value().isEmpty()) {
					throw cell.error(
							setting.text + " (" + language + ") has no " + setting.text
									+ " to stand beside: customers in other languages would get nothing.",
							"add a " + setting.text + " row, or delete this one.");
				}
				String text = (setting == Setting.DISCLOSURE) ? disclosure(cell) : message(cell);
				if (text != null) {
					translations.computeIfAbsent(setting.text, (key) -> new java.util.HashMap<>()).put(language, text);
				}
			});
		});
		return new GuardrailPolicy(true, optOut, optOutReply, optIn, optInReply, cap, quiet, zone, disclosure,
				translations);
	}

	/**
	 * The settings by name; the texts in other languages ({@code Opt-out reply (pt)}) go
	 * to {@code translated}.
	 */
	private Map<Setting, SheetCell> settings(Sheet sheet, Map<Setting, Map<String, SheetCell>> translated) {
		Map<Setting, SheetCell> settings = new EnumMap<>(Setting.class);
		for (int r = Math.max(0, sheet.getFirstRowNum()); r <= sheet.getLastRowNum(); r++) {
			String key = text(sheet, r, 0);
			SheetCell value = cell(sheet, r, 1);
			if (key.isEmpty()) {
				if (!value.value().isEmpty()) {
					throw value.error("this value has no setting name in column A.", "write one of "
							+ String.join(", ", Setting.names()) + " in column A of this row, or empty this cell.");
				}
				continue;
			}
			java.util.regex.Matcher inLanguage = TRANSLATED.matcher(key);
			if (inLanguage.matches()
					&& Setting.of(inLanguage.group(1)).filter(Setting.TRANSLATABLE_SETTINGS::contains).isPresent()) {
				Setting base = Setting.of(inLanguage.group(1)).get();
				String language = inLanguage.group(2).strip().toLowerCase(Locale.ROOT);
				if (!ISO_LANGUAGES.contains(language)) {
					throw cell(sheet, r, 0).error("\"" + inLanguage.group(2) + "\" is not a two-letter language code.",
							"write the setting as " + base.text + " (pt), with the ISO 639-1 code of the language.");
				}
				SheetCell earlier = translated.computeIfAbsent(base, (k) -> new java.util.HashMap<>())
					.put(language, value);
				if (earlier != null) {
					throw cell(sheet, r, 0).error(key + " is set twice; the first is in row " + earlier.row() + ".",
							"keep one " + key + " row.");
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
				throw cell(sheet, r, 0).error(
						"unknown setting \"" + key + "\"" + DidYouMean.endOfSentence(key, Setting.names()),
						"the settings are " + String.join(", ", Setting.names())
								+ " (a note may stand alone in column A, or go in column C).");
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

	/**
	 * The phrases of a words cell as messages are folded for matching.
	 * @param taken phrases of the other list, which a phrase here must not repeat
	 */
	private static List<String> phrases(SheetCell cell, Map<String, SheetCell> taken) {
		List<String> phrases = new ArrayList<>();
		for (String item : CellSyntax.items(cell.value().replaceAll("\\R", ","))) {
			String phrase = CellSyntax.words(item).strip();
			if (phrase.isEmpty()) {
				throw cell.error("\"" + item + "\" has no letters or digits, so no message can ever say it.",
						"write words or short phrases separated by commas, e.g. stop, unsubscribe, pare, basta.");
			}
			if (phrase.split(" ").length > MAX_PHRASE_WORDS) {
				throw cell.error(
						"\"" + item + "\" has more than " + MAX_PHRASE_WORDS
								+ " words; a customer rarely types a sentence exactly.",
						"write the short core of it, e.g. no more messages instead of please send me no more"
								+ " messages ever.");
			}
			if (taken.containsKey(phrase)) {
				throw cell.error("\"" + item + "\" is also an opt-out word (row " + taken.get(phrase).row()
						+ "), so it would opt out and in at once.", "keep it in one of the two lists.");
			}
			if (!phrases.contains(phrase)) {
				phrases.add(phrase);
			}
		}
		return phrases;
	}

	private String message(SheetCell cell) {
		ReplyCheck.check("reply", cell.value(), this.slots, List.of()).ifPresent((problem) -> {
			throw cell.error(problem.problem(), problem.fix());
		});
		return cell.value();
	}

	private static Integer cap(SheetCell cell) {
		if (cell == null || cell.value().isEmpty()) {
			return null;
		}
		String value = cell.value().strip();
		Long number = null;
		if (WHOLE_NUMBER.matcher(value).matches()) {
			try {
				number = Long.parseLong(value.replaceAll("\\.0+$", ""));
			}
			catch (NumberFormatException ex) {
				number = null;
			}
		}
		if (number == null || number < 1 || number > 10_000) {
			throw cell.error("\"" + cell.value() + "\" is not a whole number from 1 to 10000.",
					"write how many automated messages one person may get per day, e.g. 30, or leave it empty for"
							+ " no cap.");
		}
		return number.intValue();
	}

	private static GuardrailPolicy.QuietHours quietHours(SheetCell cell) {
		if (cell == null || cell.value().isEmpty()) {
			return null;
		}
		try {
			return GuardrailPolicy.QuietHours.parse(cell.value());
		}
		catch (IllegalArgumentException ex) {
			throw cell.error(ex.getMessage(), GuardrailPolicy.QuietHours.HOW_TO_WRITE);
		}
	}

	private static ZoneId zone(SheetCell cell) {
		return (cell == null) ? WorkingHours.DEFAULT_ZONE : cell.zone(WorkingHours.DEFAULT_ZONE);
	}

	private static String disclosure(SheetCell cell) {
		if (cell == null || cell.value().isEmpty()) {
			return null;
		}
		if (cell.value().contains("{{")) {
			throw cell.error("the disclosure line has a {{variable}}, and it is sent as written.",
					"write plain text, e.g. You're chatting with our assistant 🤖");
		}
		if (cell.value().length() > MAX_DISCLOSURE_CHARS) {
			throw cell.error(
					"the disclosure line has " + cell.value().length() + " characters; it opens a reply, so it may have"
							+ " at most " + MAX_DISCLOSURE_CHARS + ".",
					"shorten it, e.g. You're chatting with our assistant 🤖");
		}
		return cell.value();
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
