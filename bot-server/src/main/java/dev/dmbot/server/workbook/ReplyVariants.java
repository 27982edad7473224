package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Reply cell that holds several wordings of one reply for an A/B test, one per
 * line that starts with a capital letter and a colon, optionally with the share of people
 * who get it:
 *
 * <pre>
 * A: Our sofas start at €899.
 * B (30%): Most of our sofas cost between €899 and €2,400. Shall I send the catalogue?
 * </pre>
 *
 * A cell is read this way only when its first line starts with {@code A:}, and a line
 * starts the next wording only when its letter is the next one (B after A, C after B), so
 * a reply that merely contains "P.S.: …" or "Q: …" is left alone. Without shares the
 * wordings split evenly.
 */
public final class ReplyVariants {

	private static final Pattern LABEL = Pattern.compile("^([A-Z])\\s*(?:\\(\\s*(\\d{1,3})\\s*%\\s*\\))?\\s*:(.*)$");

	private ReplyVariants() {
	}

	/** Whether the cell is written as wordings under test: its first line starts A:. */
	public static boolean holdsVariants(String cell) {
		if (cell == null) {
			return false;
		}
		Matcher first = LABEL.matcher(firstLine(cell));
		return first.matches() && "A".equals(first.group(1));
	}

	/**
	 * The wordings of a cell written as {@code A: … B: …}.
	 * @throws IllegalArgumentException with the problem and its fix, for the workbook
	 * check to report with the cell's place
	 */
	public static List<ReplyVariant> parse(String cell) {
		List<Draft> drafts = new ArrayList<>();
		for (String line : cell.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
			Matcher label = LABEL.matcher(line.strip());
			char next = (char) ('A' + drafts.size());
			if (label.matches() && label.group(1).charAt(0) == next) {
				drafts.add(new Draft(label.group(1), label.group(2), new StringBuilder(label.group(3).strip())));
			}
			else if (!drafts.isEmpty()) {
				drafts.get(drafts.size() - 1).text().append('\n').append(line);
			}
		}
		if (drafts.size() < 2) {
			throw new IllegalArgumentException("the reply starts with \"A:\" like an A/B test, but no line starts "
					+ "with \"B:\"|write each other wording on a line of its own starting with B:, C: …, "
					+ "or remove the \"A:\" at the start of the reply.");
		}
		int given = 0;
		int unshared = 0;
		for (Draft draft : drafts) {
			if (draft.share() == null) {
				unshared++;
				continue;
			}
			int share = Integer.parseInt(draft.share());
			if (share < 1 || share > 99) {
				throw new IllegalArgumentException("wording " + draft.label() + " has a share of " + share + "%"
						+ "|give each wording a share from 1% to 99%.");
			}
			given += share;
		}
		if ((unshared == 0) ? given != 100 : given + unshared > 100) {
			throw new IllegalArgumentException("the shares of the wordings add up to " + given + "%"
					+ ((unshared == 0) ? ", not 100%" : ", leaving too little for the wordings without one")
					+ "|change the shares in brackets so that they add up to 100%.");
		}
		List<ReplyVariant> variants = new ArrayList<>();
		int unsharedSeen = 0;
		for (Draft draft : drafts) {
			String text = draft.text().toString().strip();
			if (text.isEmpty()) {
				throw new IllegalArgumentException("wording " + draft.label() + " has no text after its colon"
						+ "|write the wording after \"" + draft.label() + ":\", or remove that line.");
			}
			int share = (draft.share() != null) ? Integer.parseInt(draft.share())
					: evenShare(100 - given, unshared, unsharedSeen++);
			variants.add(new ReplyVariant(draft.label(), share, text));
		}
		return List.copyOf(variants);
	}

	/** The problem and its fix when the cell does not read as wordings, if any. */
	static Optional<ReplyCheck.Problem> problem(String cell) {
		try {
			parse(cell);
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			String[] parts = ex.getMessage().split("\\|", 2);
			return Optional.of(new ReplyCheck.Problem(parts[0] + ".", parts[1]));
		}
	}

	/**
	 * What the shares leave, split as evenly as whole percentages allow; the first
	 * wordings get the rest.
	 */
	private static int evenShare(int left, int count, int index) {
		return left / count + ((index < left % count) ? 1 : 0);
	}

	private static String firstLine(String cell) {
		String stripped = cell.strip();
		int end = stripped.indexOf('\n');
		return ((end < 0) ? stripped : stripped.substring(0, end)).strip();
	}

	private record Draft(String label, String share, StringBuilder text) {
	}

}
