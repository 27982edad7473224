package dev.dmbot.server.entities;

import java.util.List;
import java.util.Objects;

/**
 * A product customers may name, as the workbook's Products sheet lists it.
 *
 * @param name the product's name as rules, flows and replies use it, such as
 * {@code oak side table}
 * @param synonyms other words customers use for it, in any language ("mesa de apoio",
 * "mesita de roble"); the name itself always counts
 */
public record Product(String name, List<String> synonyms) {

	public Product {
		Objects.requireNonNull(name, "name");
		synonyms = List.copyOf(synonyms);
	}

}
