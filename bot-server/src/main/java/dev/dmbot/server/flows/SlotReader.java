package dev.dmbot.server.flows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.dmbot.server.entities.DateParser;
import dev.dmbot.server.entities.EmailParser;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.entities.Found;
import dev.dmbot.server.entities.Money;
import dev.dmbot.server.entities.MoneyParser;
import dev.dmbot.server.entities.NumberParser;
import dev.dmbot.server.entities.PhoneParser;
import dev.dmbot.server.entities.Validation;

/**
 * Turns a customer's words into slot values, with the parsers of {@code entities}: an
 * answer to the pending question ({@link #read}), or whatever a free message happens to
 * answer ({@link #recognise}, for "I want to renovate my flat in Porto, budget 20k").
 * Thread-safe.
 */
final class SlotReader {

	/** Longest free-text answer kept; a name or a city never needs more. */
	static final int MAX_TEXT_LENGTH = 200;

	private final EmailParser emails = new EmailParser();

	private final NumberParser numbers = new NumberParser();

	private final MoneyParser money;

	private final DateParser dates;

	private final String defaultRegion;

	private final Map<String, PhoneParser> phones = new ConcurrentHashMap<>();

	SlotReader(Clock clock, ZoneId zone, String defaultRegion, String currency) {
		this.money = new MoneyParser(currency);
		this.dates = new DateParser(clock, zone);
		this.defaultRegion = defaultRegion;
		phone(defaultRegion);
	}

	/** The answer to a step's question as its slot keeps it, or why it is refused. */
	Validation<String> read(FlowStep step, Answer answer) {
		String text = answer.text() == null ? "" : answer.text().strip();
		Optional<Option> tapped = step.options()
			.stream()
			.filter((option) -> option.value().equalsIgnoreCase(String.valueOf(answer.payload())))
			.findFirst();
		if (tapped.isPresent()) {
			return Validation.accepted(tapped.get().value());
		}
		return switch (step.expect()) {
			case TEXT -> text(step, text);
			case EMAIL -> this.emails.validate(text);
			case PHONE -> phone(step.region()).validate(text);
			case NUMBER -> number(step, text);
			case MONEY -> money(step, this.money.validate(text));
			case DATE -> this.dates.validate(text, null).map((date) -> date.date().toString());
			case CHOICE -> choice(step, text);
			case PRODUCT ->
				answer.entities().products().isEmpty() ? Validation.rejected("it names none of the products we know")
						: Validation.accepted(answer.entities().products().get(0).value());
		};
	}

	/**
	 * The slots of {@code steps} that a free message answers, for the steps whose answers
	 * can be told apart from other words: options, e-mail addresses, phone numbers,
	 * amounts of money and dates. Free text and bare numbers are never guessed.
	 */
	Map<String, String> recognise(List<FlowStep> steps, String text) {
		return recognise(steps, text, ExtractedEntities.none());
	}

	/**
	 * As {@link #recognise(List, String)}; products come from the entities extracted from
	 * the message.
	 */
	Map<String, String> recognise(List<FlowStep> steps, String text, ExtractedEntities entities) {
		Map<String, String> found = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return found;
		}
		String words = Words.of(text);
		for (FlowStep step : steps) {
			if (found.containsKey(step.slot())) {
				continue;
			}
			Optional<String> value = switch (step.expect()) {
				case TEXT, CHOICE -> option(step, words).map(Option::value);
				case EMAIL -> first(this.emails.findAll(text)).map(Found::value);
				case PHONE -> first(phone(step.region()).findAll(text)).map(Found::value);
				case MONEY -> this.money.findAll(text)
					.stream()
					.map(Found::value)
					.map((amount) -> money(step, Validation.accepted(amount)))
					.filter(Validation::isValid)
					.map(Validation::value)
					.findFirst();
				case DATE -> this.dates.findAll(text, null)
					.stream()
					.map((date) -> this.dates.validate(date.text(), null))
					.filter(Validation::isValid)
					.map((date) -> date.value().date().toString())
					.findFirst();
				case NUMBER -> Optional.empty();
				case PRODUCT -> first(entities.products()).map(Found::value);
			};
			value.ifPresent((v) -> found.put(step.slot(), v));
		}
		return found;
	}

	private static Validation<String> text(FlowStep step, String text) {
		if (text.isEmpty()) {
			return Validation.rejected("the answer is empty");
		}
		Optional<Option> suggested = option(step, Words.of(text));
		if (suggested.isPresent()) {
			return Validation.accepted(suggested.get().value());
		}
		String oneLine = text.replaceAll("\\s+", " ");
		if (oneLine.codePointCount(0, oneLine.length()) > MAX_TEXT_LENGTH) {
			oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_TEXT_LENGTH));
		}
		return Validation.accepted(oneLine);
	}

	private static Validation<String> choice(FlowStep step, String text) {
		if (text.isEmpty()) {
			return Validation.rejected("the answer is empty");
		}
		// "2" picks the second button, as people answer numbered lists.
		if (text.matches("\\d{1,2}")) {
			int index = Integer.parseInt(text) - 1;
			if (index >= 0 && index < step.options().size()) {
				return Validation.accepted(step.options().get(index).value());
			}
		}
		return option(step, Words.of(text)).map((option) -> Validation.accepted(option.value()))
			.orElseGet(() -> Validation.rejected("it is not one of the options ("
					+ String.join(", ", step.options().stream().map(Option::title).toList()) + ")"));
	}

	private static Optional<Option> option(FlowStep step, String words) {
		for (Option option : step.options()) {
			if (Words.contains(words, option.title()) || Words.contains(words, option.value())
					|| option.synonyms().stream().anyMatch((synonym) -> Words.contains(words, synonym))) {
				return Optional.of(option);
			}
		}
		return Optional.empty();
	}

	private Validation<String> number(FlowStep step, String text) {
		long min = step.min() == null ? Long.MIN_VALUE : step.min().longValue();
		long max = step.max() == null ? Long.MAX_VALUE : step.max().longValue();
		return this.numbers.validate(text, min, max).map(String::valueOf);
	}

	private static Validation<String> money(FlowStep step, Validation<Money> read) {
		if (!read.isValid()) {
			return Validation.rejected(read.reason());
		}
		Money amount = read.value();
		BigDecimal top = amount.isRange() ? amount.max() : amount.amount();
		if (step.min() != null && top.compareTo(step.min()) < 0) {
			return Validation.rejected(plain(top) + " " + amount.currency() + " is below the minimum of "
					+ plain(step.min()) + " " + amount.currency());
		}
		if (step.max() != null && amount.amount().compareTo(step.max()) > 0) {
			return Validation.rejected(plain(amount.amount()) + " " + amount.currency() + " is above the maximum of "
					+ plain(step.max()) + " " + amount.currency());
		}
		String value = amount.isRange() ? plain(amount.amount()) + "-" + plain(amount.max()) : plain(amount.amount());
		return Validation.accepted(value + " " + amount.currency());
	}

	private static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

	private PhoneParser phone(String region) {
		String wanted = region == null || region.isBlank() ? this.defaultRegion : region;
		return this.phones.computeIfAbsent(wanted, PhoneParser::new);
	}

	private static <T> Optional<T> first(List<T> found) {
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

}
