package dev.dmbot.server.entities;

import java.util.List;

/**
 * Every entity {@link Entities#extract} found in one message, each list in the order the
 * entities were written. No two entities overlap: an e-mail wins over a phone number, a
 * phone number over a date, a date over an amount.
 *
 * @param emails e-mail addresses, domain lower-cased
 * @param phones phone numbers in E.164
 * @param money amounts of money
 * @param dates dates
 * @param products the names of the products mentioned (see {@link ProductCatalog})
 */
public record ExtractedEntities(List<Found<String>> emails, List<Found<String>> phones, List<Found<Money>> money,
		List<Found<ParsedDate>> dates, List<Found<String>> products) {

	/** The entity kinds, as rules name them. */
	public static final List<String> KINDS = List.of("email", "phone", "money", "date", "product");

	public ExtractedEntities {
		emails = List.copyOf(emails);
		phones = List.copyOf(phones);
		money = List.copyOf(money);
		dates = List.copyOf(dates);
		products = List.copyOf(products);
	}

	/** Entities without products. */
	public ExtractedEntities(List<Found<String>> emails, List<Found<String>> phones, List<Found<Money>> money,
			List<Found<ParsedDate>> dates) {
		this(emails, phones, money, dates, List.of());
	}

	/** A message with no entities. */
	public static ExtractedEntities none() {
		return new ExtractedEntities(List.of(), List.of(), List.of(), List.of(), List.of());
	}

	/** The same entities with these products. */
	public ExtractedEntities withProducts(List<Found<String>> found) {
		return new ExtractedEntities(this.emails, this.phones, this.money, this.dates, found);
	}

	public boolean isEmpty() {
		return this.emails.isEmpty() && this.phones.isEmpty() && this.money.isEmpty() && this.dates.isEmpty()
				&& this.products.isEmpty();
	}

	/** The entities of one kind ({@link #KINDS}); empty for a kind not known. */
	public List<? extends Found<?>> of(String kind) {
		return switch (kind) {
			case "email" -> this.emails;
			case "phone" -> this.phones;
			case "money" -> this.money;
			case "date" -> this.dates;
			case "product" -> this.products;
			default -> List.of();
		};
	}

	/**
	 * The first entity of a kind as a reply shows it: an e-mail address, a phone number
	 * in E.164, a product name, an amount such as {@code 2500 EUR} or
	 * {@code 10000-15000 EUR}, a date as {@code 2026-12-15}; null when there is none.
	 */
	public String first(String kind) {
		List<? extends Found<?>> found = of(kind);
		if (found.isEmpty()) {
			return null;
		}
		Object value = found.get(0).value();
		if (value instanceof Money money) {
			return money.amount().stripTrailingZeros().toPlainString()
					+ (money.isRange() ? "-" + money.max().stripTrailingZeros().toPlainString() : "") + " "
					+ money.currency();
		}
		if (value instanceof ParsedDate date) {
			return date.date().toString();
		}
		return String.valueOf(value);
	}

}
