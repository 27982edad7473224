package dev.dmbot.server.workbook;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How analysts write values in decision-table cells: comma lists, quick replies, yes/no.
 */
final class CellSyntax {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private CellSyntax() {
	}

	/** {@code "a, b,c"} as {@code [a, b, c]}; blanks dropped. */
	static List<String> items(String cell) {
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
	static Set<String> conditionItems(String cell, boolean keywords) {
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
	static List<QuickReply> quickReplies(String cell) {
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
	static Boolean yesNo(String cell) {
		String value = (cell != null) ? cell.trim().toLowerCase(Locale.ROOT) : "";
		return switch (value) {
			case "", "no", "n", "false", "0" -> Boolean.FALSE;
			case "yes", "y", "true", "1" -> Boolean.TRUE;
			default -> null;
		};
	}

	/** Lower case without accents, so {@code "Entrega"} matches {@code "entregá"}. */
	static String fold(String text) {
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
	static String words(String text) {
		return " " + NOT_LETTER_OR_DIGIT.matcher(fold(text)).replaceAll(" ").trim() + " ";
	}

	static String upperSnake(String title) {
		String snake = NOT_LETTER_OR_DIGIT.matcher(fold(title)).replaceAll("_").toUpperCase(Locale.ROOT);
		return snake.replaceAll("^_+|_+$", "");
	}

}
