package dev.dmbot.server.entities;

import java.util.List;
import java.util.regex.Matcher;

/**
 * One reading of a date in a message: where it was written, and either the date or why
 * there is no such day ("31 de fevereiro").
 */
record DateCandidate(Found<ParsedDate> found, String problem) {

	int length() {
		return this.found.end() - this.found.start();
	}

	/** The date read from the match, in the original (unfolded) text. */
	static DateCandidate of(String text, Matcher m, ParsedDate date) {
		return new DateCandidate(new Found<>(date, m.start(), m.end(), text.substring(m.start(), m.end())), null);
	}

	/** A match that names no real day. */
	static DateCandidate noSuchDay(String text, Matcher m) {
		String written = text.substring(m.start(), m.end());
		return new DateCandidate(new Found<>(null, m.start(), m.end(), written),
				"there is no such day as \"" + written + "\"");
	}

	/**
	 * Whether the folded text holds one of the words without which a pattern cannot
	 * match: most messages hold no date, and a {@code contains} is far cheaper than a
	 * regular-expression scan of the whole message.
	 */
	static boolean mayMatch(String folded, List<String> required) {
		for (String word : required) {
			if (folded.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
