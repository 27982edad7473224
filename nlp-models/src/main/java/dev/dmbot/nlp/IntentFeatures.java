package dev.dmbot.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.stemmer.PorterStemmer;

/**
 * The one feature pipeline shared by training and serving: a model only gives the
 * accuracy it was measured with when it is evaluated on features made by exactly this
 * code.
 * <p>
 * Text is normalised (Unicode NFKC, lower case, accents stripped), split into word, emoji
 * and punctuation tokens, and turned into word unigrams and bigrams, the same over Porter
 * stems, and character 3- to 5-grams of each word with boundary markers. Character
 * n-grams are what keep "shiping", "shippin" and "shipping" close together; stems are
 * what tie "charged", "charges" and "charging".
 * <p>
 * Any change here changes what a trained model means: retrain the model in the same
 * build.
 */
public final class IntentFeatures {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final int MIN_CHAR_GRAM = 3;

	private static final int MAX_CHAR_GRAM = 5;

	private IntentFeatures() {
	}

	/**
	 * Returns the features of a message, in a stable order with no duplicates; an empty
	 * array for null or blank text.
	 */
	public static String[] of(String text) {
		return analyse(text).features();
	}

	/**
	 * The features of a message and its words (the Porter stems of its tokens that start
	 * with a letter, in order, repeats kept), from one pass over the text.
	 */
	static Analysis analyse(String text) {
		List<String> tokens = tokens(text);
		List<String> stems = stems(tokens);
		Set<String> features = new LinkedHashSet<>();
		List<String> words = new ArrayList<>(stems.size());
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			features.add("w=" + token);
			features.add("s=" + stems.get(i));
			if (i > 0) {
				features.add("b=" + tokens.get(i - 1) + "_" + token);
				features.add("sb=" + stems.get(i - 1) + "_" + stems.get(i));
			}
			if (isWord(token)) {
				addCharGrams(token, features);
			}
			if (Character.isLetter(token.codePointAt(0))) {
				words.add(stems.get(i));
			}
		}
		if (!tokens.isEmpty()) {
			// The first word carries much of the intent in short DMs ("hi", "thanks",
			// "stop").
			features.add("first=" + tokens.get(0));
		}
		return new Analysis(features.toArray(String[]::new), words);
	}

	/** See {@link #analyse}. */
	static List<String> stemmedWords(String text) {
		return analyse(text).words();
	}

	/**
	 * A message's features and words.
	 *
	 * @param features what the maxent model weighs
	 * @param words the Porter stems of the tokens that start with a letter
	 */
	record Analysis(String[] features, List<String> words) {
	}

	/**
	 * Returns the normalised tokens of a message: words, single emoji and single
	 * punctuation marks.
	 */
	public static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		if (text == null) {
			return tokens;
		}
		String normalised = normalise(text);
		StringBuilder word = new StringBuilder();
		int i = 0;
		while (i < normalised.length()) {
			int codePoint = normalised.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isLetterOrDigit(codePoint)) {
				word.appendCodePoint(codePoint);
			}
			else if (isApostrophe(codePoint) && word.length() > 0) {
				// "don't" and "dont" are the same word in a DM.
				continue;
			}
			else {
				flush(word, tokens);
				if (!Character.isWhitespace(codePoint) && !isEmojiJoiner(codePoint)) {
					tokens.add(new String(Character.toChars(codePoint)));
				}
			}
		}
		flush(word, tokens);
		return tokens;
	}

	private static List<String> stems(List<String> tokens) {
		// PorterStemmer keeps state between calls: one per message keeps this
		// thread-safe.
		PorterStemmer stemmer = new PorterStemmer();
		List<String> stems = new ArrayList<>(tokens.size());
		for (String token : tokens) {
			stems.add(isWord(token) ? stemmer.stem(token) : token);
		}
		return stems;
	}

	static String normalise(String text) {
		String composed = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		// Customers write "nao", "não" and "naõ" for the same word; the accents carry no
		// intent.
		String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
		return COMBINING_MARKS.matcher(decomposed).replaceAll("");
	}

	private static void addCharGrams(String word, Set<String> features) {
		String marked = "<" + word + ">";
		int[] codePoints = marked.codePoints().toArray();
		for (int n = MIN_CHAR_GRAM; n <= MAX_CHAR_GRAM; n++) {
			for (int start = 0; start + n <= codePoints.length; start++) {
				features.add("c=" + new String(codePoints, start, n));
			}
		}
	}

	private static boolean isWord(String token) {
		return Character.isLetterOrDigit(token.codePointAt(0));
	}

	private static boolean isApostrophe(int codePoint) {
		return codePoint == '\'' || codePoint == '\u2019';
	}

	private static boolean isEmojiJoiner(int codePoint) {
		// Zero-width joiners, variation selectors and skin tones only decorate the emoji
		// before them.
		return codePoint == 0x200D || codePoint == 0xFE0F || codePoint == 0xFE0E
				|| (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);
	}

	private static void flush(StringBuilder word, List<String> tokens) {
		if (word.length() > 0) {
			tokens.add(word.toString());
			word.setLength(0);
		}
	}

}
