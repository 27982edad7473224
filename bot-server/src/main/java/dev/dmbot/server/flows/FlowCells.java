package dev.dmbot.server.flows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.dmbot.server.workbook.CellSyntax;
import dev.dmbot.server.workbook.DidYouMean;
import dev.dmbot.server.workbook.FollowUp;
import dev.dmbot.server.workbook.SheetCell;

/**
 * The cells of a flow step that hold a small language of their own: options
 * ({@code Title>value; …}), the words that also choose them ({@code value: word, word}),
 * conditions ({@code >= 10000 -> 50; else -> 5}), follow-ups, names and durations. Each
 * reader names the cell and says how to fix it when it cannot understand it.
 */
final class FlowCells {

	private static final Pattern NAME_PATTERN = Pattern.compile("[a-z0-9_]+");

	private static final int MAX_QUICK_REPLIES = 13;

	private static final int MAX_TITLE_LENGTH = 20;

	private FlowCells() {
	}

	/**
	 * A step's Follow up: a reminder when its question stays unanswered, written like the
	 * Replies sheet's ({@code 1 hour: Still there? …}) and held to the same 24-hour
	 * window.
	 */
	static FollowUp nudge(SheetCell cell) {
		if (cell.value().isEmpty()) {
			return null;
		}
		String example = "write the delay, a colon and the message, e.g. \"1 hour: Still there? Just tap an answer "
				+ "above and we'll carry on 🙂\".";
		int colon = cell.value().indexOf(':');
		if (colon < 0) {
			throw cell.error("a follow-up needs a delay and a message, separated by a colon.", example);
		}
		String delay = cell.value().substring(0, colon).strip();
		if (CellSyntax.duration(delay).isEmpty()) {
			throw cell.error(CellSyntax.notADuration(delay), CellSyntax.DURATION_FIX);
		}
		FollowUp followUp = FollowUp.parse(cell.value())
			.orElseThrow(() -> cell.error("the follow-up has a delay but no message after the colon.", example));
		if (followUp.delay().isZero() || followUp.delay().compareTo(FollowUp.LONGEST_DELAY) > 0) {
			throw cell.error("a follow-up " + delay
					+ " later would land outside the 24 hours Instagram allows after the customer's last message, "
					+ "so it could never be sent.",
					"use a delay from 1 minute to " + FollowUp.LONGEST_DELAY.toHours() + " hours.");
		}
		return followUp;
	}

	static List<Option> options(SheetCell cell, Expect expect) {
		List<Option> options = new ArrayList<>();
		if (cell.value().isEmpty()) {
			return options;
		}
		for (String part : cell.value().split("[;\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			int arrow = part.indexOf('>');
			String title = (arrow >= 0 ? part.substring(0, arrow) : part).strip();
			String value = (arrow >= 0 ? part.substring(arrow + 1) : part).strip();
			if (title.isEmpty() || value.isEmpty()) {
				throw cell.error("an option has no title or no value.",
						"write each option as Title>value, separated by ; (for a suggestion, the title alone).");
			}
			int length = title.codePointCount(0, title.length());
			if (length > MAX_TITLE_LENGTH) {
				throw cell.error(
						"option title '" + title + "' has " + length
								+ " characters; Instagram shows quick replies of at most " + MAX_TITLE_LENGTH + ".",
						"shorten the title (the part before >).");
			}
			if (options.stream().anyMatch((o) -> o.value().equalsIgnoreCase(value))) {
				throw cell.error("two options have the value " + value + ".", "give each option its own value.");
			}
			options.add(new Option(title, value, List.of()));
		}
		if (options.size() > MAX_QUICK_REPLIES) {
			throw cell.error(
					options.size() + " options; Instagram shows at most " + MAX_QUICK_REPLIES + " quick replies.",
					"remove " + (options.size() - MAX_QUICK_REPLIES) + " of them.");
		}
		return options;
	}

	static void recognise(SheetCell cell, Expect expect, List<Option> options) {
		if (cell.value().isEmpty()) {
			return;
		}
		if (options.isEmpty()) {
			throw cell.error("only options can be recognised, and this step has none.",
					"empty this cell, or give the step options (Expect choice or text).");
		}
		for (String part : cell.value().split("[;\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			int colon = part.indexOf(':');
			if (colon < 0) {
				throw cell.error("\"" + part.strip() + "\" does not say which option its words choose.",
						"write value: word, word; value: word, e.g. renovation: renovate, remodel.");
			}
			String value = part.substring(0, colon).strip();
			int index = indexOf(options, value);
			if (index < 0) {
				throw cell.error(
						"\"" + value + "\" is not the value of an option"
								+ DidYouMean.endOfSentence(value, options.stream().map(Option::value).toList()),
						"use the values after > in the Options cell.");
			}
			Option option = options.get(index);
			List<String> synonyms = new ArrayList<>(option.synonyms());
			synonyms.addAll(CellSyntax.items(part.substring(colon + 1)));
			options.set(index, new Option(option.title(), option.value(), synonyms));
		}
	}

	static int indexOf(List<Option> options, String value) {
		for (int i = 0; i < options.size(); i++) {
			if (options.get(i).value().equalsIgnoreCase(value)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * {@code when -> then; when -> then} with each condition checked against the step.
	 */
	static Map<Condition, String> conditional(SheetCell cell, Expect expect, List<Option> options) {
		Map<Condition, String> parts = new LinkedHashMap<>();
		for (String part : cell.value().split("[;\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			int arrow = part.indexOf("->");
			if (arrow < 0) {
				throw cell.error("\"" + part.strip() + "\" has no ->.", "write each part as condition -> result.");
			}
			String when = part.substring(0, arrow).strip();
			String then = part.substring(arrow + 2).strip();
			Condition condition = Condition.parse(when)
				.orElseThrow(() -> cell.error("the condition \"" + when + "\" cannot be read.",
						"write a value, a comparison such as >= 10000, or else."));
			if (condition.isComparison() && expect != Expect.NUMBER && expect != Expect.MONEY) {
				throw cell.error("\"" + when + "\" compares numbers, but the step expects " + expect.cellName() + ".",
						"compare only the answers of number and money steps; match other answers by value.");
			}
			if (condition.operator().equals("=") && expect == Expect.CHOICE
					&& indexOf(options, condition.value()) < 0) {
				throw cell.error(
						"\"" + when + "\" is not the value of an option"
								+ DidYouMean.endOfSentence(when, options.stream().map(Option::value).toList()),
						"use the values after > in the Options cell, or else.");
			}
			if (then.isEmpty()) {
				throw cell.error("\"" + part.strip() + "\" says nothing after ->.", "write what follows.");
			}
			parts.put(condition, then);
		}
		return parts;
	}

	static int points(SheetCell cell, String text) {
		try {
			return Integer.parseInt(text.strip().replaceAll("\\.0+$", ""));
		}
		catch (NumberFormatException ex) {
			throw cell.error("\"" + text.strip() + "\" is not a whole number of points.",
					"write points as whole numbers, e.g. 10 or >= 10000 -> 50; else -> 5.");
		}
	}

	static String name(SheetCell cell, String what) {
		return nameIn(cell, cell.value().strip(), what);
	}

	static String nameIn(SheetCell cell, String value) {
		return nameIn(cell, value, "step");
	}

	static String nameIn(SheetCell cell, String value, String what) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (!NAME_PATTERN.matcher(lower).matches()) {
			throw cell.error("\"" + value + "\" is not a valid " + what + " name.",
					"use lowercase letters, digits and _ only, e.g. project_type.");
		}
		return lower;
	}

	static Duration duration(SheetCell cell, Duration fallback) {
		if (cell.value().isEmpty()) {
			return fallback;
		}
		return CellSyntax.duration(cell.value())
			.orElseThrow(() -> cell.error(CellSyntax.notADuration(cell.value()), CellSyntax.DURATION_FIX));
	}

}
