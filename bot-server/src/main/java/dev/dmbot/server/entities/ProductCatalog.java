package dev.dmbot.server.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the products a message names, by their names and synonyms, ignoring case and
 * accents. A name matches whole words, the last of which may go on ("sofa" matches
 * "sofás", "cushion" matches "cushions", "lamp" does not match "clamp"); the longest name
 * written at a place wins, so "oak side table" is one product, not "table" too. Immutable
 * and thread-safe; never throws on any text.
 */
public final class ProductCatalog {

	/** A catalog that names nothing. */
	public static final ProductCatalog EMPTY = new ProductCatalog(List.of());

	private final List<Product> products;

	/** Every name and synonym, folded, longest first. */
	private final List<Term> terms;

	public ProductCatalog(List<Product> products) {
		this.products = List.copyOf(products);
		List<Term> all = new ArrayList<>();
		for (Product product : this.products) {
			all.add(new Term(Folded.fold(product.name().strip()), product.name()));
			for (String synonym : product.synonyms()) {
				if (!synonym.isBlank()) {
					all.add(new Term(Folded.fold(synonym.strip()), product.name()));
				}
			}
		}
		all.sort(Comparator.comparingInt((Term term) -> term.folded().length()).reversed());
		this.terms = List.copyOf(all);
	}

	public List<Product> products() {
		return this.products;
	}

	public boolean isEmpty() {
		return this.products.isEmpty();
	}

	/** The products the text names, each once, in the order they were written. */
	public List<Found<String>> findAll(String text) {
		if (this.terms.isEmpty() || text == null || text.isBlank()) {
			return List.of();
		}
		String bounded = Folded.bounded(text);
		String folded = Folded.fold(bounded);
		List<Found<String>> found = new ArrayList<>();
		for (Term term : this.terms) {
			int from = 0;
			while (from <= folded.length() - term.folded().length()) {
				int at = folded.indexOf(term.folded(), from);
				if (at < 0) {
					break;
				}
				int end = at + term.folded().length();
				if (startsWord(folded, at) && endsWordStem(folded, end) && free(found, at, end)
						&& found.stream().noneMatch((other) -> other.value().equals(term.product()))) {
					found.add(new Found<>(term.product(), at, wordEnd(folded, end),
							bounded.substring(at, wordEnd(folded, end))));
					break;
				}
				from = at + 1;
			}
		}
		found.sort(Comparator.comparingInt(Found::start));
		return List.copyOf(found);
	}

	private static boolean startsWord(String text, int at) {
		return at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
	}

	/**
	 * A plural or a gender ending may follow: at most 2 more letters, then a word end.
	 */
	private static boolean endsWordStem(String text, int end) {
		return wordEnd(text, end) - end <= 2;
	}

	private static int wordEnd(String text, int end) {
		int i = end;
		while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean free(List<Found<String>> found, int start, int end) {
		return found.stream().noneMatch((other) -> other.overlaps(start, end));
	}

	private record Term(String folded, String product) {
	}

}
