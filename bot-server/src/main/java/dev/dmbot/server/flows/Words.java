package dev.dmbot.server.flows;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text compared the way customers type: case, accents and punctuation ignored. */
final class Words {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Words() {
	}

	/**
	 * Folded words separated by single spaces, with a space at each end, so a phrase is
	 * found as whole words with {@link #contains}.
	 */
	static String of(String text) {
		if (text == null) {
			return " ";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String folded = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		return " " + NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").trim() + " ";
	}

	/** Whether the phrase occurs in {@code words} (from {@link #of}) as whole words. */
	static boolean contains(String words, String phrase) {
		String wanted = of(phrase);
		return !wanted.isBlank() && words.contains(wanted);
	}

}
