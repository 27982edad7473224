package dev.dmbot.server.workbook;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An A/B test of a reply: the wordings of one Replies row, and the name its counts are
 * kept under.
 *
 * @param name the row's Experiment cell, or {@code <sheet>_row_<n>} when it is empty;
 * counts follow the name, so a named test keeps its figures when rows move
 * @param row where the analyst wrote it
 * @param cell the Reply cell as written, {@code A: … B: …}
 * @param variants the wordings, in the order written
 */
public record Experiment(String name, FiredRow row, String cell, List<ReplyVariant> variants) {

	/**
	 * What an Experiment cell may hold: it becomes part of metric tags and Redis keys.
	 */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	public Experiment {
		variants = List.copyOf(variants);
	}

	/** The name of a test whose Experiment cell was left empty. */
	static String defaultName(FiredRow row) {
		String sheet = row.sheet().replaceAll("[^A-Za-z0-9_-]+", "_");
		String name = sheet + "_row_" + row.row();
		return (name.length() > 40) ? name.substring(name.length() - 40) : name;
	}

	public Optional<ReplyVariant> variant(String label) {
		return this.variants.stream().filter((variant) -> variant.label().equals(label)).findFirst();
	}

}
