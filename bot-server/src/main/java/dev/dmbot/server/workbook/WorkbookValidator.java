package dev.dmbot.server.workbook;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

import dev.dmbot.server.workbook.RuleTable.Column;
import dev.dmbot.server.platform.events.EventKind;

/**
 * Catches, cell by cell, what Drools would compile but Instagram or the conversation
 * would not accept, naming the exact cell: unknown event types, intents and reply
 * variables, replies over Instagram's byte limit, too many quick replies, titles too
 * long, escalate cells that are neither yes nor no. Checks that need the whole table or
 * the whole workbook set live in {@link UnreachableRowCheck} and
 * {@link WorkbookSetValidator}.
 */
public final class WorkbookValidator {

	/** What an Event type cell accepts: {@link EventKind#workbookNames()}. */
	static final List<String> EVENT_TYPES = EventKind.workbookNames();

	public static final String COMMENT = EventKind.COMMENT.ruleName();

	private static final java.util.regex.Pattern TRANSLATED = java.util.regex.Pattern
		.compile("(?:replyIn|quickRepliesIn)\\s*\\(\\s*\"([^\"]*)\"");

	private static final java.util.Set<String> ISO_LANGUAGES = java.util.Set.of(Locale.getISOLanguages());

	/** Instagram's longest comment, in characters. */
	static final int MAX_COMMENT_LENGTH = 2200;

	public static final List<String> INTENTS = List.of("greeting", "pricing", "shipping", "availability",
			"order_status", "returns", "hours_location", "booking", "discount", "product_question", "human_agent",
			"complaint", "opt_out", "thanks", "goodbye", "payment", "unknown");

	// Meta's Send API limits for Instagram:
	// https://developers.facebook.com/docs/messenger-platform/instagram/features/quick-replies
	static final int MAX_QUICK_REPLIES = 13;

	static final int MAX_TITLE_LENGTH = 20;

	private final String workbook;

	private final Collection<String> flows;

	private final Collection<String> slots;

	private final List<String> products;

	/**
	 * @param flows the flows the Flows sheets of the whole set define
	 * @param slots the slots those flows fill
	 */
	WorkbookValidator(String workbook, Collection<String> flows, Collection<String> slots) {
		this(workbook, flows, slots, List.of());
	}

	/**
	 * @param flows the flows the Flows sheets of the whole set define
	 * @param slots the slots those flows fill
	 * @param products the product names of the set's Products sheet
	 */
	WorkbookValidator(String workbook, Collection<String> flows, Collection<String> slots, List<String> products) {
		this.workbook = workbook;
		this.flows = flows;
		this.slots = slots;
		this.products = List.copyOf(products);
	}

	void validate(RuleTable table) {
		checkSettings(table);
		checkLanguageColumns(table);
		for (int row = table.firstDataRow(); row <= table.lastDataRow(); row++) {
			for (Column column : table.columns()) {
				String cell = table.text(row, column);
				if (cell.isBlank()) {
					continue;
				}
				if (column.calls("eventIs")) {
					checkNames(table, row, column, cell, EVENT_TYPES, "event type");
				}
				else if (column.calls("intentIs")) {
					checkNames(table, row, column, cell, INTENTS, "intent");
					checkNotOnlyComments(table, row, column, cell,
							"comments are not classified, so an intent never fits one.",
							"write the words to look for in the Keywords cell instead, and empty this cell.");
				}
				else if (column.calls("quickReplies")) {
					checkQuickReplies(table, row, column, cell);
				}
				else if (column.calls("escalate") && CellSyntax.yesNo(cell) == null) {
					throw error(table, row, column, cell, "escalate is \"" + cell + "\".", "write yes or no.");
				}
				else if (column.calls("reply")) {
					checkReply(table, row, column, cell);
				}
				else if (column.calls("startFlow")) {
					checkFlow(table, row, column, cell);
				}
				else if (column.calls("publicReply")) {
					checkPublicReply(table, row, column, cell);
				}
				else if (column.calls("followUp")) {
					checkFollowUp(table, row, column, cell);
				}
				else if (column.calls("experiment")) {
					checkExperiment(table, row, column, cell);
				}
				else if (column.calls("languageIs")) {
					checkLanguages(table, row, column, cell);
				}
				else if (column.calls("hasEntity")) {
					checkEntities(table, row, column, cell);
				}
				else if (column.calls("replyIn")) {
					checkTranslatedReply(table, row, column, cell);
				}
				else if (column.calls("quickRepliesIn")) {
					checkTranslatedQuickReplies(table, row, column, cell);
				}
			}
		}
		new UnreachableRowCheck(this.workbook).check(table);
	}

	/**
	 * The language of a translated column, from its code row:
	 * {@code decision.replyIn("pt", "$param");} is Portuguese.
	 */
	static String languageOf(Column column) {
		Matcher language = TRANSLATED.matcher(column.code());
		return language.find() ? language.group(1).strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * A translated column names a language in its code row, once per table, and has the
	 * column of the fallback language beside it.
	 */
	private void checkLanguageColumns(RuleTable table) {
		java.util.Map<String, Column> seen = new java.util.HashMap<>();
		for (Column column : table.columns()) {
			boolean reply = column.calls("replyIn");
			if (!reply && !column.calls("quickRepliesIn")) {
				continue;
			}
			String language = languageOf(column);
			int codeRow = table.headerRow() + RuleTable.CODE_ROW + 1;
			String method = reply ? "replyIn" : "quickRepliesIn";
			if (language == null || !ISO_LANGUAGES.contains(language)) {
				throw new WorkbookCompileException(this.workbook, table.sheet().getSheetName(), codeRow,
						column.letter(), column.code(),
						"the code of the column \"" + column.title() + "\" names no two-letter language code"
								+ ((language != null) ? " (it reads \"" + language + "\")" : "") + ".",
						"write decision." + method + "(\"pt\", \"$param\"); with the ISO 639-1 code of the language,"
								+ " such as pt or es, and title the column " + (reply ? "Reply" : "Quick replies")
								+ " (pt).",
						null);
			}
			Column twice = seen.putIfAbsent(method + ":" + language, column);
			if (twice != null) {
				throw new WorkbookCompileException(this.workbook, table.sheet().getSheetName(), codeRow,
						column.letter(), column.code(),
						"column " + twice.letter() + " already holds the " + (reply ? "replies" : "quick replies")
								+ " in " + language + ".",
						"keep one " + (reply ? "Reply" : "Quick replies") + " (" + language + ") column.", null);
			}
			boolean hasFallback = table.columns().stream().anyMatch((c) -> c.calls(reply ? "reply" : "quickReplies"));
			if (!hasFallback) {
				throw new WorkbookCompileException(this.workbook, table.sheet().getSheetName(), codeRow,
						column.letter(), column.code(),
						"the table has a " + column.title() + " column but no " + (reply ? "Reply" : "Quick replies")
								+ " column for the other languages to fall back on.",
						"add the " + (reply ? "Reply" : "Quick replies") + " column (code decision."
								+ (reply ? "reply" : "quickReplies") + "(\"$param\");).",
						null);
			}
		}
	}

	private void checkEntities(RuleTable table, int row, Column column, String cell) {
		EntityCondition.problem(cell, this.products).ifPresent((problem) -> {
			throw error(table, row, column, cell, problem.problem(), problem.fix());
		});
	}

	private void checkLanguages(RuleTable table, int row, Column column, String cell) {
		for (String code : CellSyntax.items(cell.replaceAll("\\R", ","))) {
			if (!ISO_LANGUAGES.contains(code.toLowerCase(Locale.ROOT))) {
				throw error(table, row, column, cell, "\"" + code + "\" is not a two-letter language code.",
						"write ISO 639-1 codes such as en, pt, es, comma-separated.");
			}
		}
	}

	/**
	 * A translation says what the fallback Reply says, in another language: it needs that
	 * Reply, and an A/B-tested Reply needs the same wordings (A, B…) translated.
	 */
	private void checkTranslatedReply(RuleTable table, int row, Column column, String cell) {
		String language = languageOf(column);
		String fallback = fallbackText(table, row, "reply");
		if (fallback.isBlank()) {
			throw error(
					table, row, column, cell, "this row has a reply in " + language
							+ " but its Reply cell, the one every other language gets," + " is empty.",
					"fill the Reply cell of this row, or empty this one.");
		}
		boolean tested = ReplyVariants.holdsVariants(fallback);
		if (tested != ReplyVariants.holdsVariants(cell)) {
			throw error(table, row, column, cell,
					tested ? "the Reply of this row is an A/B test (wordings A:, B:…), but its " + language
							+ " translation is a single text."
							: "this translation holds wordings (A:, B:…) but the Reply of this row is a single text.",
					tested ? "translate each wording on its own line, starting with the same letters: "
							+ labels(fallback) + "."
							: "write a single translated text, or make the Reply an A/B test too.");
		}
		if (!tested) {
			ReplyCheck.check("reply", cell, this.slots, List.of()).ifPresent((problem) -> {
				throw error(table, row, column, cell, problem.problem(), problem.fix());
			});
			return;
		}
		ReplyVariants.problem(cell).ifPresent((problem) -> {
			throw error(table, row, column, cell, problem.problem(), problem.fix());
		});
		if (!labels(fallback).equals(labels(cell))) {
			throw error(table, row, column, cell,
					"the Reply tests the wordings " + labels(fallback) + " but this translation has " + labels(cell)
							+ ", so some people would read a wording that does not exist in " + language + ".",
					"translate exactly the wordings " + labels(fallback) + ", one per line.");
		}
		for (ReplyVariant variant : ReplyVariants.parse(cell)) {
			ReplyCheck.check("reply", variant.text(), this.slots, List.of()).ifPresent((problem) -> {
				throw error(table, row, column, cell, "wording " + variant.label() + ": " + problem.problem(),
						problem.fix());
			});
		}
	}

	/**
	 * Translated buttons must lead where the fallback ones lead: the same payloads, so
	 * the rows that answer a tap fit every language.
	 */
	private void checkTranslatedQuickReplies(RuleTable table, int row, Column column, String cell) {
		checkQuickReplies(table, row, column, cell);
		String language = languageOf(column);
		List<String> fallback = CellSyntax.quickReplies(fallbackText(table, row, "quickReplies"))
			.stream()
			.map(QuickReply::payload)
			.toList();
		List<String> translated = CellSyntax.quickReplies(cell).stream().map(QuickReply::payload).toList();
		if (fallback.isEmpty()) {
			throw error(table, row, column, cell,
					"this row has quick replies in " + language + " but none in its Quick replies cell.",
					"fill the Quick replies cell of this row with the same buttons, or empty this one.");
		}
		if (!new java.util.HashSet<>(fallback).equals(new java.util.HashSet<>(translated))) {
			List<String> missing = fallback.stream().filter((p) -> !translated.contains(p)).toList();
			List<String> extra = translated.stream().filter((p) -> !fallback.contains(p)).toList();
			throw error(table, row, column, cell,
					"the " + language + " buttons must lead to the same payloads as the Quick replies cell ("
							+ String.join(", ", fallback) + ")"
							+ (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
							+ (extra.isEmpty() ? "" : "; not in the Quick replies cell: " + String.join(", ", extra))
							+ ".",
					"translate only the titles, and keep each >PAYLOAD as the Quick replies cell has it, e.g. "
							+ "Envios>ICEBREAKER_SHIPPING.");
		}
	}

	private static String fallbackText(RuleTable table, int row, String method) {
		return table.columns()
			.stream()
			.filter((c) -> c.calls(method))
			.map((c) -> table.text(row, c))
			.findFirst()
			.orElse("");
	}

	private static String labels(String cell) {
		return String.join(", ", ReplyVariants.parse(cell).stream().map(ReplyVariant::label).toList());
	}

	private void checkNames(RuleTable table, int row, Column column, String cell, List<String> known, String what) {
		for (String name : CellSyntax.items(cell)) {
			if (!known.contains(name.toLowerCase(Locale.ROOT))) {
				throw error(table, row, column, cell,
						"unknown " + what + " \"" + name + "\"" + DidYouMean.endOfSentence(name, known),
						"use one of " + String.join(", ", known) + " (comma-separated for several).");
			}
		}
	}

	private void checkReply(RuleTable table, int row, Column column, String cell) {
		if (!ReplyVariants.holdsVariants(cell)) {
			ReplyCheck.check("reply", cell, this.slots, List.of()).ifPresent((problem) -> {
				throw error(table, row, column, cell, problem.problem(), problem.fix());
			});
			return;
		}
		ReplyVariants.problem(cell).ifPresent((problem) -> {
			throw error(table, row, column, cell, problem.problem(), problem.fix());
		});
		checkNotOnlyComments(table, row, column, cell,
				"wordings under test (A:, B:) are not supported for comments yet: the private reply would "
						+ "have to pick one before the conversation exists.",
				"write a single reply for this comment row.");
		for (ReplyVariant variant : ReplyVariants.parse(cell)) {
			ReplyCheck.check("reply", variant.text(), this.slots, List.of()).ifPresent((problem) -> {
				throw error(table, row, column, cell, "wording " + variant.label() + ": " + problem.problem(),
						problem.fix());
			});
		}
	}

	/**
	 * An Experiment cell names the A/B test of its row's Reply, for the counts to survive
	 * rows being moved; it makes no sense without wordings to test.
	 */
	private void checkExperiment(RuleTable table, int row, Column column, String cell) {
		String name = cell.strip();
		if (!Experiment.NAME.matcher(name).matches()) {
			throw error(table, row, column, cell,
					"the experiment name \"" + name + "\" has spaces or signs other than letters, digits, _ and -, "
							+ "or is longer than 40 characters.",
					"write a short name such as pricing_wording.");
		}
		String reply = table.columns()
			.stream()
			.filter((c) -> c.calls("reply"))
			.map((c) -> table.text(row, c))
			.findFirst()
			.orElse("");
		if (!ReplyVariants.holdsVariants(reply)) {
			throw error(table, row, column, cell,
					"this row names an experiment, but its Reply has no wordings to test.",
					"write the Reply as several wordings, one per line starting A:, B:, …, or empty the Experiment "
							+ "cell.");
		}
	}

	/**
	 * A follow-up reads as {@code <delay>: <text>}; it must land inside the 24-hour
	 * window the customer's message opened, and its text is checked like a reply's.
	 */
	private void checkFollowUp(RuleTable table, int row, Column column, String cell) {
		String example = "write the delay, a colon and the message, e.g. \"2 hours: Still thinking about it, {{first_name|there}}?\".";
		int colon = cell.indexOf(':');
		if (colon < 0) {
			throw error(table, row, column, cell, "a follow-up needs a delay and a message, separated by a colon.",
					example);
		}
		String delay = cell.substring(0, colon).strip();
		if (CellSyntax.duration(delay).isEmpty()) {
			throw error(table, row, column, cell, CellSyntax.notADuration(delay),
					"write the delay as a number and minutes, hours or days, e.g. \"30 minutes\" or \"2 hours\".");
		}
		FollowUp followUp = FollowUp.parse(cell).orElse(null);
		if (followUp == null) {
			throw error(table, row, column, cell, "the follow-up has a delay but no message after the colon.", example);
		}
		if (followUp.delay().isZero() || followUp.delay().compareTo(FollowUp.LONGEST_DELAY) > 0) {
			throw error(table, row, column, cell, "a follow-up " + delay
					+ " later would land outside the 24 hours Instagram allows after the customer's last message, "
					+ "so it could never be sent.",
					"use a delay from 1 minute to " + FollowUp.LONGEST_DELAY.toHours() + " hours.");
		}
		checkNotOnlyComments(table, row, column, cell,
				"a comment opens no conversation, so a follow-up would have nobody to go to.",
				"empty the Follow up cell of this row.");
		ReplyCheck.check("follow-up", followUp.text(), this.slots, List.of()).ifPresent((problem) -> {
			throw error(table, row, column, cell, problem.problem(), problem.fix());
		});
	}

	/**
	 * A public reply is posted under the comment a row answers, so the row must answer
	 * comments and nothing else; Instagram caps a comment at 2,200 characters.
	 */
	private void checkPublicReply(RuleTable table, int row, Column column, String cell) {
		List<String> events = eventTypes(table, row);
		if (events.size() != 1 || !COMMENT.equalsIgnoreCase(events.get(0))) {
			throw error(table, row, column, cell,
					"a public reply answers a comment, but this row's Event type is "
							+ (events.isEmpty() ? "empty (any event)" : "\"" + String.join(", ", events) + "\"") + ".",
					"write comment in the Event type cell of this row, or empty the Public reply cell.");
		}
		int length = cell.codePointCount(0, cell.length());
		if (length > MAX_COMMENT_LENGTH) {
			throw error(table, row, column, cell,
					"the public reply is " + length + " characters long; Instagram accepts comments of at most "
							+ MAX_COMMENT_LENGTH + ".",
					"shorten it by at least " + (length - MAX_COMMENT_LENGTH) + " characters.");
		}
		ReplyCheck.check("public reply", cell, List.of(), List.of()).ifPresent((problem) -> {
			throw error(table, row, column, cell, problem.problem(), problem.fix());
		});
	}

	/** Rejects a cell that can never take effect on a row answering only comments. */
	private void checkNotOnlyComments(RuleTable table, int row, Column column, String cell, String problem,
			String fix) {
		List<String> events = eventTypes(table, row);
		if (events.size() == 1 && COMMENT.equalsIgnoreCase(events.get(0))) {
			throw error(table, row, column, cell, problem, fix);
		}
	}

	private static List<String> eventTypes(RuleTable table, int row) {
		return table.columns()
			.stream()
			.filter((c) -> c.calls("eventIs"))
			.flatMap((c) -> CellSyntax.items(table.text(row, c)).stream())
			.toList();
	}

	private void checkFlow(RuleTable table, int row, Column column, String cell) {
		String flow = cell.strip();
		if (!this.flows.contains(flow)) {
			throw error(table, row, column, cell,
					"no Flows sheet defines a flow named \"" + flow + "\"" + DidYouMean.endOfSentence(flow, this.flows),
					this.flows.isEmpty()
							? "add the flow to a sheet named Flows (see rules/README.md), or empty this cell."
							: "use one of " + String.join(", ", this.flows) + ".");
		}
	}

	private void checkQuickReplies(RuleTable table, int row, Column column, String cell) {
		List<QuickReply> buttons = CellSyntax.quickReplies(cell);
		if (buttons.size() > MAX_QUICK_REPLIES) {
			throw error(table, row, column, cell,
					buttons.size() + " quick replies; Instagram shows at most " + MAX_QUICK_REPLIES + ".",
					"remove " + (buttons.size() - MAX_QUICK_REPLIES) + " of them.");
		}
		for (QuickReply button : buttons) {
			if (button.title().isEmpty()) {
				throw error(table, row, column, cell, "a quick reply has no title.",
						"write it as Title>PAYLOAD, separated by ;");
			}
			int length = button.title().codePointCount(0, button.title().length());
			if (length > MAX_TITLE_LENGTH) {
				throw error(table, row, column, cell,
						"quick reply title '" + button.title() + "' has " + length
								+ " characters; Instagram accepts at most " + MAX_TITLE_LENGTH + ".",
						"shorten the title (the part before >).");
			}
		}
		checkNotOnlyComments(table, row, column, cell,
				"a private reply to a comment carries text only, so these buttons would never be shown.",
				"empty the quick replies of this row; the customer gets buttons once they answer the private reply.");
		boolean hasReply = table.columns().stream().anyMatch((c) -> c.calls("reply") && !table.text(row, c).isBlank());
		if (!hasReply) {
			throw error(table, row, column, cell,
					"quick replies need a reply text to hang under, and this row has none.",
					"fill the Reply cell of this row or empty the quick replies.");
		}
	}

	// Drools reports a mistyped class once per rule, far from the cell that holds it;
	// check the settings first.
	private void checkSettings(RuleTable table) {
		boolean sequential = false;
		boolean activationGroup = false;
		boolean decisionGlobal = false;
		Sheet sheet = table.sheet();
		for (int r = sheet.getFirstRowNum(); r >= 0 && r < table.headerRow(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || row.getFirstCellNum() < 0) {
				continue;
			}
			int valueColumn = row.getFirstCellNum() + 1;
			String key = RuleTable.text(sheet, r, row.getFirstCellNum()).trim();
			String value = RuleTable.text(sheet, r, valueColumn).trim();
			sequential |= key.equalsIgnoreCase("Sequential") && Boolean.TRUE.equals(CellSyntax.yesNo(value));
			activationGroup |= key.equalsIgnoreCase("ACTIVATION-GROUP") && !value.isEmpty();
			if (key.equalsIgnoreCase("Import")) {
				for (String type : CellSyntax.items(value)) {
					if (!type.endsWith(".*")) {
						checkClass(sheet, r, valueColumn, type, "Import");
					}
				}
			}
			if (key.equalsIgnoreCase("Variables")) {
				for (String global : CellSyntax.items(value)) {
					String[] typeAndName = global.split("\\s+");
					checkClass(sheet, r, valueColumn, typeAndName[0], "Variables");
					decisionGlobal |= typeAndName.length == 2 && typeAndName[1].equals("decision")
							&& typeAndName[0].endsWith(DecisionSink.class.getSimpleName());
				}
			}
		}
		if (!decisionGlobal) {
			throw new WorkbookCompileException(this.workbook, sheet.getSheetName(), table.headerRow() + 1,
					(table.columns().isEmpty() ? null : table.columns().get(0).letter()),
					"the settings above this RuleTable do not declare the decision the action columns fill in.",
					"add a row above the RuleTable cell: Variables | " + SettingNames.DECISION + " decision");
		}
		if (!sequential || !activationGroup) {
			throw new WorkbookCompileException(this.workbook, sheet.getSheetName(), table.headerRow() + 1,
					(table.columns().isEmpty() ? null : table.columns().get(0).letter()),
					"the settings above this RuleTable lack " + (sequential ? "" : "'Sequential | true'")
							+ ((!sequential && !activationGroup) ? " and " : "")
							+ (activationGroup ? "" : "'ACTIVATION-GROUP | <name>'")
							+ ", so more than one row could answer a message.",
					"add the missing setting as a row above the RuleTable cell: the name in the first column, the value in the next.");
		}
	}

	private void checkClass(Sheet sheet, int row, int column, String type, String setting) {
		String name = SettingNames.javaName(type.contains(".") ? type : SettingNames.WORKBOOK_PACKAGE + type);
		try {
			Class.forName(name, false, WorkbookValidator.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new WorkbookCompileException(this.workbook, sheet.getSheetName(), row + 1,
					CellReference.convertNumToColString(column), RuleTable.text(sheet, row, column),
					setting + " names \"" + type + "\", which does not exist.", "check the spelling; the fact is "
							+ SettingNames.FACT + " and the decision is " + SettingNames.DECISION + ".",
					null);
		}
	}

	private WorkbookCompileException error(RuleTable table, int row, Column column, String value, String problem,
			String fix) {
		return new WorkbookCompileException(this.workbook, table.sheet().getSheetName(), row + 1, column.letter(),
				value, problem, fix, null);
	}

}
