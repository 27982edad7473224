package dev.dmbot.server.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads whole numbers for questions such as "how many rooms?": digits ("3 rooms", "12")
 * and the words for zero to twelve and twenty in English, Portuguese and Spanish
 * ("three", "três", "tres"). A decimal ("2.5") is not a whole number and is not read.
 * Never throws on any input; thread-safe.
 */
public final class NumberParser {

	private static final Map<String, Long> WORDS = Map.ofEntries(Map.entry("zero", 0L), Map.entry("one", 1L),
			Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L),
			Map.entry("six", 6L), Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L),
			Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L), Map.entry("twenty", 20L),
			Map.entry("um", 1L), Map.entry("uma", 1L), Map.entry("dois", 2L), Map.entry("duas", 2L),
			Map.entry("tres", 3L), Map.entry("quatro", 4L), Map.entry("cinco", 5L), Map.entry("seis", 6L),
			Map.entry("sete", 7L), Map.entry("oito", 8L), Map.entry("nove", 9L), Map.entry("dez", 10L),
			Map.entry("onze", 11L), Map.entry("doze", 12L), Map.entry("vinte", 20L), Map.entry("cero", 0L),
			Map.entry("uno", 1L), Map.entry("una", 1L), Map.entry("dos", 2L), Map.entry("cuatro", 4L),
			Map.entry("siete", 7L), Map.entry("ocho", 8L), Map.entry("nueve", 9L), Map.entry("diez", 10L),
			Map.entry("doce", 12L), Map.entry("veinte", 20L));

	private static final Pattern NUMBER = Pattern
		.compile("(?<![\\p{L}\\d.,])(?:(?<digits>\\d{1,18})(?!\\d|[.,]\\d)|(?<word>" + WORDS.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.reduce((a, b) -> a + "|" + b)
			.orElseThrow() + ")(?![\\p{L}\\d]))");

	/** The first whole number in the text. */
	public Optional<Long> parse(String text) {
		List<Found<Long>> found = findAll(text);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).value());
	}

	/** Every whole number in the text, in order. */
	public List<Found<Long>> findAll(String text) {
		try {
			String bounded = Folded.bounded(text);
			List<Found<Long>> found = new ArrayList<>();
			for (Matcher m = NUMBER.matcher(Folded.fold(bounded)); m.find();) {
				long value = (m.group("digits") != null) ? Long.parseLong(m.group("digits"))
						: WORDS.get(m.group("word"));
				found.add(new Found<>(value, m.start(), m.end(), bounded.substring(m.start(), m.end())));
			}
			return found;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return List.of();
		}
	}

	/**
	 * Checks an answer against an inclusive range: the first whole number in it, or why
	 * it is refused.
	 * @throws IllegalArgumentException when {@code min > max}, a mistake in the flow
	 * rather than in the answer
	 */
	public Validation<Long> validate(String text, long min, long max) {
		if (min > max) {
			throw new IllegalArgumentException("min must not be above max, got " + min + " > " + max);
		}
		Optional<Long> number = parse(text);
		if (number.isEmpty()) {
			return Validation.rejected("there is no whole number in it");
		}
		long value = number.get();
		if (value < min) {
			return Validation.rejected(value + " is below the minimum of " + min);
		}
		if (value > max) {
			return Validation.rejected(value + " is above the maximum of " + max);
		}
		return Validation.accepted(value);
	}

}
