package dev.dmbot.server.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and checks e-mail addresses in free text ("my email is ana.costa@gmail.com
 * thanks").
 * <p>
 * An address is accepted when it has one {@code @}, a plain ASCII local part of at most
 * 64 characters without leading, trailing or doubled dots, and a domain of valid labels
 * ending in an alphabetic top-level domain. The domain is lower-cased; the local part is
 * kept as written. Placeholders ({@code example.com}) and the commonest misspellings of
 * big providers ({@code gmail.con}) are refused with a reason. Never throws; thread-safe.
 */
public final class EmailParser {

	private static final String LOCAL_CHARS = "!#$%&'*+-/=?^_`{|}~.";

	private static final Map<String, String> TYPOS = Map.ofEntries(Map.entry("gmail.con", "gmail.com"),
			Map.entry("gmail.co", "gmail.com"), Map.entry("gmial.com", "gmail.com"), Map.entry("gmai.com", "gmail.com"),
			Map.entry("gamil.com", "gmail.com"), Map.entry("gmail.cm", "gmail.com"),
			Map.entry("hotmail.con", "hotmail.com"), Map.entry("hotmial.com", "hotmail.com"),
			Map.entry("hotmal.com", "hotmail.com"), Map.entry("outlook.con", "outlook.com"),
			Map.entry("yahoo.con", "yahoo.com"), Map.entry("sapo.p", "sapo.pt"));

	private static final Set<String> PLACEHOLDERS = Set.of("example.com", "example.org", "example.net", "domain.com",
			"yourdomain.com", "email.example");

	/** The first acceptable address in the text. */
	public Optional<String> parse(String text) {
		List<Found<String>> found = findAll(text);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).value());
	}

	/**
	 * Every acceptable address in the text, in order; junk that merely contains an
	 * {@code @} is skipped.
	 */
	public List<Found<String>> findAll(String text) {
		try {
			List<Found<String>> found = new ArrayList<>();
			String bounded = Folded.bounded(text);
			for (int[] token : tokens(bounded)) {
				String candidate = bounded.substring(token[0], token[1]);
				if (candidate.indexOf('@') >= 0 && problem(candidate) == null) {
					found.add(new Found<>(normalise(candidate), token[0], token[1], candidate));
				}
			}
			return found;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return List.of();
		}
	}

	/**
	 * Checks an answer to "what's your e-mail?": the first acceptable address in it, or
	 * why the address written is refused.
	 */
	public Validation<String> validate(String text) {
		try {
			String bounded = Folded.bounded(text);
			if (bounded.isBlank()) {
				return Validation.rejected("the answer is empty");
			}
			String firstProblem = null;
			for (int[] token : tokens(bounded)) {
				String candidate = bounded.substring(token[0], token[1]);
				if (candidate.indexOf('@') < 0) {
					continue;
				}
				String problem = problem(candidate);
				if (problem == null) {
					return Validation.accepted(normalise(candidate));
				}
				if (firstProblem == null) {
					firstProblem = problem;
				}
			}
			if (firstProblem != null) {
				return Validation.rejected(firstProblem);
			}
			return Validation.rejected(bounded.indexOf('@') < 0 ? "there is no @ in it, so it is not an e-mail address"
					: "an e-mail address may hold only the letters a-z, digits and . _ % + -");
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Validation.rejected("it could not be read as an e-mail address");
		}
	}

	private static String normalise(String address) {
		int at = address.indexOf('@');
		return address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * Runs of characters that can belong to an address, trimmed of the punctuation that
	 * ends a sentence.
	 */
	private static List<int[]> tokens(String text) {
		List<int[]> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			if (!isAddressChar(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < text.length() && isAddressChar(text.charAt(i))) {
				i++;
			}
			int end = i;
			while (start < end && "'`*".indexOf(text.charAt(start)) >= 0) {
				start++;
			}
			while (end > start && ".!?'`*_~=/{}|".indexOf(text.charAt(end - 1)) >= 0) {
				end--;
			}
			if (start < end) {
				tokens.add(new int[] { start, end });
			}
		}
		return tokens;
	}

	private static boolean isAddressChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@'
				|| LOCAL_CHARS.indexOf(c) >= 0;
	}

	/** Why a candidate is not an acceptable address, or {@code null} when it is. */
	private static String problem(String candidate) {
		if (candidate.length() > 254) {
			return "an e-mail address is at most 254 characters long";
		}
		int at = candidate.indexOf('@');
		if (at != candidate.lastIndexOf('@')) {
			return "it has more than one @";
		}
		String local = candidate.substring(0, at);
		String domain = candidate.substring(at + 1).toLowerCase(Locale.ROOT);
		if (local.isEmpty()) {
			return "there is nothing before the @";
		}
		if (local.length() > 64) {
			return "the part before the @ is longer than 64 characters";
		}
		if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
			return "the part before the @ cannot start or end with a dot or have two dots in a row";
		}
		if (domain.isEmpty()) {
			return "there is nothing after the @";
		}
		if (domain.indexOf('.') < 0) {
			return "the domain \"" + domain + "\" has no dot (like gmail.com)";
		}
		String[] labels = domain.split("\\.", -1);
		for (String label : labels) {
			String labelProblem = labelProblem(label, domain);
			if (labelProblem != null) {
				return labelProblem;
			}
		}
		String tld = labels[labels.length - 1];
		if (tld.length() < 2 || !tld.chars().allMatch((c) -> c >= 'a' && c <= 'z') && !tld.startsWith("xn--")) {
			return "\"" + tld + "\" is not a top-level domain";
		}
		String typo = TYPOS.get(domain);
		if (typo != null) {
			return "\"" + domain + "\" looks mistyped; did you mean " + typo + "?";
		}
		if (PLACEHOLDERS.contains(domain) || domain.endsWith(".example") || domain.endsWith(".invalid")
				|| domain.endsWith(".test") || domain.endsWith(".localhost")) {
			return "\"" + domain + "\" is a placeholder, not a real mail domain";
		}
		return null;
	}

	private static String labelProblem(String label, String domain) {
		if (label.isEmpty()) {
			return "the domain \"" + domain + "\" has an empty part between dots";
		}
		if (label.length() > 63) {
			return "a part of the domain is longer than 63 characters";
		}
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return "the domain may hold only letters, digits, hyphens and dots";
			}
		}
		if (label.startsWith("-") || label.endsWith("-")) {
			return "a part of the domain cannot start or end with a hyphen";
		}
		return null;
	}

}
