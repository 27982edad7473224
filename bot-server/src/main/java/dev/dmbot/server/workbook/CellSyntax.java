package dev.dmbot.server.workbook;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How analysts write values in decision-table cells: comma lists, quick replies, yes/no.
 */
public final class CellSyntax {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(minutes?|mins?|hours?|h|days?|d|weeks?|w)",
			Pattern.CASE_INSENSITIVE);

	private CellSyntax() {
	}

	/** How a duration cell that cannot be read is fixed, the same on every sheet. */
	public static final String DURATION_FIX = "write a number and a unit, e.g. 7 days, 12 hours, 2 weeks or 30 minutes.";

	/** The problem of a duration cell that cannot be read, the same on every sheet. */
	public static String notADuration(String cell) {
		return "\"" + cell + "\" is not a length of time.";
	}

	/**
	 * A length of time as analysts write it: {@code 7 days}, {@code 12 hours},
	 * {@code 2 weeks}, {@code 30 minutes} (also {@code 12h}, {@code 3 d}); empty when the
	 * text is none of those. Shared by every sheet that has durations.
	 */
	public static Optional<Duration> duration(String text) {
		Matcher matcher = DURATION.matcher(text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		long amount = Long.parseLong(matcher.group(1));
		char unit = matcher.group(2).toLowerCase(Locale.ROOT).charAt(0);
		return Optional.of(switch (unit) {
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			case 'w' -> Duration.ofDays(7 * amount);
			default -> Duration.ofDays(amount);
		});
	}

	/** {@code "a, b,c"} as {@code [a, b, c]}; blanks dropped. */
	public static List<String> items(String cell) {
		List<String> items = new ArrayList<>();
		if (cell == null) {
			return items;
		}
		for (String item : cell.split(",")) {
			if (!item.isBlank()) {
				items.add(item.trim());
			}
		}
		return items;
	}

	/**
	 * The items of a condition cell the way the generated rule compares them: quotes and
	 * backslashes dropped, line breaks read as commas, case ignored, and for keywords
	 * accents too. {@code "Porto,\nGaia"} is {@code [porto, gaia]}.
	 */
	public static Set<String> conditionItems(String cell, boolean keywords) {
		Set<String> items = new LinkedHashSet<>();
		String plain = (cell != null) ? cell.replaceAll("[\"\\\\]", "").replaceAll("\\R", ",") : "";
		for (String item : items(plain)) {
			items.add(keywords ? words(item).strip() : item.toLowerCase(Locale.ROOT));
		}
		return items;
	}

	/**
	 * {@code "Title>PAYLOAD; Title 2"} as buttons; a missing payload is the title in
	 * upper snake case.
	 */
	public static List<QuickReply> quickReplies(String cell) {
		List<QuickReply> replies = new ArrayList<>();
		if (cell == null) {
			return replies;
		}
		// Excel users separate with semicolons or Alt+Enter line breaks; both read
		// naturally.
		for (String button : cell.split("[;\\n]")) {
			if (button.isBlank()) {
				continue;
			}
			int arrow = button.indexOf('>');
			String title = ((arrow >= 0) ? button.substring(0, arrow) : button).trim();
			String payload = (arrow >= 0) ? button.substring(arrow + 1).trim() : "";
			replies.add(new QuickReply(title, payload.isEmpty() ? upperSnake(title) : payload));
		}
		return replies;
	}

	/**
	 * {@code yes/no}, {@code TRUE/FALSE}, {@code y/n}, {@code 1/0}; blank is no;
	 * {@code null} if none of those.
	 */
	public static Boolean yesNo(String cell) {
		String value = (cell != null) ? cell.trim().toLowerCase(Locale.ROOT) : "";
		return switch (value) {
			case "", "no", "n", "false", "0" -> Boolean.FALSE;
			case "yes", "y", "true", "1" -> Boolean.TRUE;
			default -> null;
		};
	}

	/** Lower case without accents, so {@code "Entrega"} matches {@code "entregá"}. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/**
	 * Folded words separated by single spaces, with a space at each end so whole words
	 * can be found.
	 */
	public static String words(String text) {
		return " " + NOT_LETTER_OR_DIGIT.matcher(fold(text)).replaceAll(" ").trim() + " ";
	}

	public static String upperSnake(String title) {
		String snake = NOT_LETTER_OR_DIGIT.matcher(fold(title)).replaceAll("_").toUpperCase(Locale.ROOT);
		return snake.replaceAll("^_+|_+$", "");
	}

}
