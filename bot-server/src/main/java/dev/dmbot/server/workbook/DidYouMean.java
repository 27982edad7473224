package dev.dmbot.server.workbook;

import java.util.Collection;
import java.util.Locale;

/**
 * Suggests the name an analyst probably meant when a cell holds one the server does not
 * know: {@code prcing} → {@code pricing}.
 */
public final class DidYouMean {

	private DidYouMean() {
	}

	/**
	 * {@code  — did you mean "pricing"?} for the known name closest to {@code typed}, or
	 * {@code ""} when none is close enough to be a typo.
	 */
	public static String hint(String typed, Collection<String> known) {
		String closest = closest(typed, known);
		return (closest != null) ? " — did you mean \"" + closest + "\"?" : "";
	}

	/**
	 * {@link #hint} to end a sentence with: the question when there is one, otherwise a
	 * full stop.
	 */
	public static String endOfSentence(String typed, Collection<String> known) {
		String hint = hint(typed, known);
		return hint.isEmpty() ? "." : hint;
	}

	/**
	 * The known name with the fewest edits from {@code typed}, ignoring case;
	 * {@code null} when even that one needs more edits than a typo would make (a third of
	 * the word, at least two).
	 */
	public static String closest(String typed, Collection<String> known) {
		String wanted = typed.toLowerCase(Locale.ROOT);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int tolerated = Math.max(2, wanted.length() / 3);
		return (best != null && !best.equals(typed) && bestDistance <= tolerated) ? best : null;
	}

	// Levenshtein distance with two rows. commons-text's LevenshteinDistance would do,
	// but it is not on the classpath and a dependency for twenty lines is not worth it.
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
