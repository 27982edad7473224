package dev.dmbot.server.entities;

import java.text.Normalizer;

/**
 * A message folded for matching: lower case, accents removed ("março" reads "marco",
 * "mañana" reads "manana"), every kind of space a plain space and every dash a hyphen,
 * one character for one character, so that an index into the folded text is the same
 * index into the original.
 */
final class Folded {

	/**
	 * Parsers look at no more than this much of a message; an Instagram DM holds at most
	 * 1,000 characters.
	 */
	static final int MAX_LENGTH = 20_000;

	private Folded() {
	}

	/**
	 * The text cut to {@link #MAX_LENGTH}, never in the middle of a surrogate pair; ""
	 * for null.
	 */
	static String bounded(String text) {
		if (text == null) {
			return "";
		}
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		int end = MAX_LENGTH;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			folded.append(fold(text.charAt(i)));
		}
		return folded.toString();
	}

	private static char fold(char c) {
		if (c < 128) {
			return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
		}
		if (Character.isSpaceChar(c)) {
			return ' ';
		}
		if (c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212') {
			return '-';
		}
		if (Character.isSurrogate(c) || !Character.isLetter(c)) {
			return c;
		}
		String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
		char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
		return Character.toLowerCase(Character.isLetter(base) ? base : c);
	}

}
