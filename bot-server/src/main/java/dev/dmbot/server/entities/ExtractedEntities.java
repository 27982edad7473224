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
 */
public record ExtractedEntities(List<Found<String>> emails, List<Found<String>> phones, List<Found<Money>> money,
		List<Found<ParsedDate>> dates) {

	public ExtractedEntities {
		emails = List.copyOf(emails);
		phones = List.copyOf(phones);
		money = List.copyOf(money);
		dates = List.copyOf(dates);
	}

	static ExtractedEntities none() {
		return new ExtractedEntities(List.of(), List.of(), List.of(), List.of());
	}

	public boolean isEmpty() {
		return this.emails.isEmpty() && this.phones.isEmpty() && this.money.isEmpty() && this.dates.isEmpty();
	}

}
