package dev.dmbot.server.outbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a reply into parts Instagram accepts (at most 1,000 UTF-8 bytes each), at the last
 * sentence end that fits, else the last space, and only inside a word when a single word
 * is longer than a whole message.
 */
final class MessageSplitter {

	static final int MAX_BYTES = 1000;

	private MessageSplitter() {
	}

	static List<String> split(String text) {
		return split(text, MAX_BYTES);
	}

	static List<String> split(String text, int maxBytes) {
		List<String> parts = new ArrayList<>();
		String rest = text.strip();
		while (utf8Length(rest) > maxBytes) {
			int fits = longestPrefixWithin(rest, maxBytes);
			int cut = lastBoundary(rest, fits);
			parts.add(rest.substring(0, cut).strip());
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty()) {
			parts.add(rest);
		}
		return parts;
	}

	/**
	 * The number of chars of the longest prefix whose UTF-8 form fits, never cutting a
	 * surrogate pair.
	 */
	private static int longestPrefixWithin(String text, int maxBytes) {
		int bytes = 0;
		int index = 0;
		while (index < text.length()) {
			int codePoint = text.codePointAt(index);
			int size = utf8Length(new String(Character.toChars(codePoint)));
			if (bytes + size > maxBytes) {
				break;
			}
			bytes += size;
			index += Character.charCount(codePoint);
		}
		return index;
	}

	private static int lastBoundary(String text, int limit) {
		for (int i = limit - 1; i > limit / 2; i--) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?' || c == '\n')
					&& (i + 1 == limit || Character.isWhitespace(text.charAt(i + 1)))) {
				return i + 1;
			}
		}
		for (int i = limit; i > 0; i--) {
			if (i < text.length() && Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return limit;
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
