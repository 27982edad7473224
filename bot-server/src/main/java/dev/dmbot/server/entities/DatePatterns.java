package dev.dmbot.server.entities;

import java.util.regex.Pattern;

/** The word boundaries the date patterns share. */
final class DatePatterns {

	/** Not inside a word or a number: "12" in "a12" is no day. */
	static final String NOT_AFTER_LETTER = "(?<![\\p{L}\\d])";

	static final String NOT_BEFORE_LETTER = "(?![\\p{L}\\d])";

	private DatePatterns() {
	}

	/** A whole-word phrase. */
	static Pattern phrase(String regex) {
		return Pattern.compile(NOT_AFTER_LETTER + "(?:" + regex + ")" + NOT_BEFORE_LETTER);
	}

}
