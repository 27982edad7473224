package dev.dmbot.server.entities;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Pulls every e-mail address, phone number, amount of money and date out of one message,
 * for example "I want to renovate my flat in Porto, budget 20k, start next month" gives
 * 20000 EUR and the first of next month. Entities never overlap: an e-mail address wins
 * over a phone number, a phone number over a date, a date over an amount. Never throws on
 * any input; thread-safe.
 */
public final class Entities {

	private final EmailParser emails;

	private final PhoneParser phones;

	private final MoneyParser money;

	private final DateParser dates;

	public Entities(EmailParser emails, PhoneParser phones, MoneyParser money, DateParser dates) {
		this.emails = Objects.requireNonNull(emails, "emails");
		this.phones = Objects.requireNonNull(phones, "phones");
		this.money = Objects.requireNonNull(money, "money");
		this.dates = Objects.requireNonNull(dates, "dates");
	}

	/**
	 * Parsers with the given settings.
	 * @param clock the source of "today"
	 * @param zone the business's zone, in which "today" is read
	 * @param phoneRegion ISO 3166 region for phone numbers without a country code, such
	 * as {@code "PT"}
	 * @param currency ISO 4217 currency for amounts without one, such as {@code "EUR"}
	 * @throws IllegalArgumentException when the region or the currency is unknown
	 */
	public static Entities of(Clock clock, ZoneId zone, String phoneRegion, String currency) {
		return new Entities(new EmailParser(), new PhoneParser(phoneRegion), new MoneyParser(currency),
				new DateParser(clock, zone));
	}

	/**
	 * Every entity in the text.
	 * @param text the message; null reads as empty
	 * @param hint the customer's language if known, else null; {@code en-US} reads
	 * numeric dates month first
	 */
	public ExtractedEntities extract(String text, Locale hint) {
		try {
			String bounded = Folded.bounded(text);
			if (bounded.isBlank()) {
				return ExtractedEntities.none();
			}
			List<Found<?>> taken = new ArrayList<>();
			List<Found<String>> foundEmails = keep(this.emails.findAll(bounded), taken);
			List<Found<String>> foundPhones = keep(this.phones.findAll(bounded), taken);
			List<Found<ParsedDate>> foundDates = keep(this.dates.findAll(bounded, hint), taken);
			List<Found<Money>> foundMoney = keep(this.money.findAll(bounded), taken);
			return new ExtractedEntities(foundEmails, foundPhones, foundMoney, foundDates);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return ExtractedEntities.none();
		}
	}

	private static <T> List<Found<T>> keep(List<Found<T>> candidates, List<Found<?>> taken) {
		List<Found<T>> kept = new ArrayList<>();
		for (Found<T> candidate : candidates) {
			if (taken.stream().noneMatch((other) -> other.overlaps(candidate.start(), candidate.end()))) {
				kept.add(candidate);
			}
		}
		taken.addAll(kept);
		return kept;
	}

}
