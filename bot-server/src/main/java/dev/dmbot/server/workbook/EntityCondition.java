package dev.dmbot.server.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.entities.Found;

/**
 * One item of a {@code Has entity} cell: a kind of entity the message must hold
 * ({@code email}, {@code phone}, {@code money}, {@code date}, {@code product}), and for
 * products optionally which one. {@code product: sofa, armchair, email} reads as "the
 * sofa, or the armchair, or any e-mail address": a name after {@code product:} goes on
 * until the next kind.
 *
 * @param kind one of {@link ExtractedEntities#KINDS}
 * @param product the product's name for {@code product: name}, else {@code null}
 */
record EntityCondition(String kind, String product) {

	/**
	 * The items of a cell; a malformed cell yields what it can (see {@link #problem}).
	 */
	static List<EntityCondition> parse(String cell) {
		List<EntityCondition> conditions = new ArrayList<>();
		String namesOf = null;
		for (String item : CellSyntax.items(cell.replaceAll("\\R", ","))) {
			int colon = item.indexOf(':');
			String kind = ((colon >= 0) ? item.substring(0, colon) : item).strip().toLowerCase(Locale.ROOT);
			if (colon >= 0) {
				String name = item.substring(colon + 1).strip();
				conditions.add(new EntityCondition(kind, name.isEmpty() ? null : name));
				namesOf = kind;
			}
			else if (ExtractedEntities.KINDS.contains(kind) || namesOf == null) {
				conditions.add(new EntityCondition(kind, null));
				namesOf = null;
			}
			else {
				conditions.add(new EntityCondition(namesOf, item.strip()));
			}
		}
		return conditions;
	}

	/**
	 * What is wrong with a cell, worded for an analyst, or empty.
	 * @param products the names of the products the Products sheet lists
	 */
	static Optional<ReplyCheck.Problem> problem(String cell, List<String> products) {
		for (EntityCondition condition : parse(cell)) {
			if (!ExtractedEntities.KINDS.contains(condition.kind())) {
				return Optional.of(new ReplyCheck.Problem(
						"unknown entity \"" + condition.kind() + "\""
								+ DidYouMean.endOfSentence(condition.kind(), ExtractedEntities.KINDS),
						"use " + String.join(", ", ExtractedEntities.KINDS)
								+ ", comma-separated; name products as product: oak side table."));
			}
			if (condition.product() == null) {
				continue;
			}
			if (!"product".equals(condition.kind())) {
				return Optional.of(new ReplyCheck.Problem(
						"only products are named in this column, but the cell reads " + condition.kind() + ": "
								+ condition.product() + ".",
						"write " + condition.kind() + " alone: the row then fits any " + condition.kind() + "."));
			}
			String folded = CellSyntax.words(condition.product()).strip();
			if (products.stream().noneMatch((name) -> CellSyntax.words(name).strip().equals(folded))) {
				return Optional.of(new ReplyCheck.Problem(
						"no row of the Products sheet names the product \"" + condition.product() + "\""
								+ DidYouMean.endOfSentence(condition.product(), products),
						products.isEmpty()
								? "add a Products sheet listing it (see rules/README.md), or write product alone."
								: "use a name from the Products sheet's Product column, or write product alone."));
			}
		}
		return Optional.empty();
	}

	/** Whether the message's entities fit this item. */
	boolean matches(ExtractedEntities entities) {
		List<? extends Found<?>> found = entities.of(this.kind);
		if (this.product == null) {
			return !found.isEmpty();
		}
		String wanted = CellSyntax.words(this.product);
		return found.stream().anyMatch((each) -> CellSyntax.words(String.valueOf(each.value())).equals(wanted));
	}

}
