package dev.dmbot.server.entities;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates in English, Portuguese and Spanish, relative to today in a given zone.
 * <p>
 * Absolute: ISO ({@code 2027-03-12}), numeric day first ({@code 12/03/2027},
 * {@code 12.03.27}, {@code 12/03}; month first only for a {@code Locale} whose country is
 * {@code US}), and with month names ("March 12", "12 de março", "12 de marzo de 2027",
 * "12 Mar"). A date written without a year that has already passed this year is read as
 * next year's.
 * <p>
 * Relative: "today", "tomorrow" / "amanhã" / "mañana", "the day after tomorrow", weekdays
 * ("Friday", "next Friday", "próxima sexta", "el próximo viernes": always the first such
 * day after today, so on a Tuesday "next Tuesday" is a week away), "in 2 weeks" / "daqui
 * a 3 dias" / "dentro de un mes", "next week" (its Monday), "next month" and "next year"
 * (their first day), "in March" (its first day), "this weekend" (its Saturday) and "asap"
 * (today). Periods are marked {@link ParsedDate#approximate() approximate}.
 * <p>
 * Never throws on any input; thread-safe.
 */
public final class DateParser {

	private static final Map<String, Integer> FULL_MONTHS = new LinkedHashMap<>();

	private static final Map<String, Integer> ALL_MONTHS = new LinkedHashMap<>();

	static {
		String[][] full = { { "january", "janeiro", "enero" }, { "february", "fevereiro", "febrero" },
				{ "march", "marco", "marzo" }, { "april", "abril" }, { "may", "maio", "mayo" },
				{ "june", "junho", "junio" }, { "july", "julho", "julio" }, { "august", "agosto" },
				{ "september", "setembro", "septiembre", "setiembre" }, { "october", "outubro", "octubre" },
				{ "november", "novembro", "noviembre" }, { "december", "dezembro", "diciembre" } };
		String[][] abbreviations = { { "jan", "ene" }, { "feb", "fev" }, { "mar" }, { "apr", "abr" }, { "mai" },
				{ "jun" }, { "jul" }, { "aug", "ago" }, { "sep", "sept", "set" }, { "oct", "out" }, { "nov" },
				{ "dec", "dez", "dic" } };
		for (int month = 1; month <= 12; month++) {
			for (String name : full[month - 1]) {
				FULL_MONTHS.put(name, month);
				ALL_MONTHS.put(name, month);
			}
			for (String name : abbreviations[month - 1]) {
				ALL_MONTHS.put(name, month);
			}
		}
	}

	private static final List<String> FULL_MONTH_NAMES = List.copyOf(FULL_MONTHS.keySet());

	private static final String NOT_AFTER_LETTER = DatePatterns.NOT_AFTER_LETTER;

	private static final String NOT_BEFORE_LETTER = DatePatterns.NOT_BEFORE_LETTER;

	private static final Pattern ISO = Pattern
		.compile("(?<![\\d/.,-])(?<y>\\d{4})(?<sep>[-/])(?<mo>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?!\\d|[/.,:-]\\d)");

	private static final Pattern NUMERIC_WITH_YEAR = Pattern.compile(
			"(?<![\\d/.,-])(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2})(?!\\d|[/.,:-]\\d)");

	private static final Pattern NUMERIC = Pattern
		.compile("(?<![\\d/.,-])(?<a>\\d{1,2})/(?<b>\\d{1,2})(?!\\d|[/.,:-]\\d)");

	private static final Pattern DAY_MONTH = Pattern.compile(NOT_AFTER_LETTER
			+ "(?<d>\\d{1,2})(?:st|nd|rd|th|º)?\\s{0,2}(?:of\\s{1,3}|de\\s{1,3})?(?<mo>" + alternation(ALL_MONTHS)
			+ ")\\.?(?!\\s{0,3}of(?![a-z]))(?:,?\\s{1,3}(?:de\\s{1,3}|del\\s{1,3})?(?<y>\\d{4}))?" + NOT_BEFORE_LETTER);

	private static final Pattern MONTH_DAY = Pattern.compile(NOT_AFTER_LETTER + "(?<mo>" + alternation(FULL_MONTHS)
			+ ")\\s{1,3}(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s{1,3}(?<y>\\d{4}))?(?![\\p{L}\\d]|[.,:/]\\d)");

	private static final Pattern DAY_ALONE = Pattern.compile(NOT_AFTER_LETTER
			+ "(?:(?:(?:no|o|el|para o|para el) )?dia\\s{1,3}(?<d>\\d{1,2})(?:º)?|(?:on )?the\\s{1,3}(?<d2>\\d{1,2})(?:st|nd|rd|th))"
			+ "(?![\\p{L}\\d]|[.,:/]\\d)");

	private static final Pattern MONTH_YEAR = Pattern.compile(NOT_AFTER_LETTER + "(?<mo>" + alternation(FULL_MONTHS)
			+ ")\\s{1,3}(?:de\\s{1,3}|del\\s{1,3})?(?<y>\\d{4})" + NOT_BEFORE_LETTER);

	private static final Pattern MONTH_ALONE = Pattern.compile(NOT_AFTER_LETTER
			+ "(?:in|em|en|for|para|by|until|till|ate|hasta|early|late|mid|from|desde|a partir de|next|"
			+ "(?:no |a |el |o )?(?:inicio|final|fim|principio|comienzo) de|start of|end of|beginning of)\\s{1,3}"
			+ "(?:de\\s{1,3})?(?<mo>" + alternation(FULL_MONTHS) + ")" + NOT_BEFORE_LETTER);

	private final Clock clock;

	private final ZoneId zone;

	/**
	 * @param clock the source of "today"
	 * @param zone the zone "today" is read in, the business's own (Europe/Lisbon for the
	 * demo shop)
	 */
	public DateParser(Clock clock, ZoneId zone) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * The first date in the text. {@code hint} may be null; {@code en-US} reads 03/12
	 * month first.
	 */
	public Optional<ParsedDate> parse(String text, Locale hint) {
		List<Found<ParsedDate>> found = findAll(text, hint);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).value());
	}

	/** Every date in the text, in order, none overlapping another. */
	public List<Found<ParsedDate>> findAll(String text, Locale hint) {
		try {
			List<Found<ParsedDate>> found = new ArrayList<>();
			for (DateCandidate candidate : scan(Folded.bounded(text), hint)) {
				if (candidate.problem() == null) {
					found.add(candidate.found());
				}
			}
			return found;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return List.of();
		}
	}

	/**
	 * Checks an answer to "when would you like to start?": the first date in it, or why
	 * it is refused (none, no such day, or a day already past).
	 */
	public Validation<ParsedDate> validate(String answer, Locale hint) {
		try {
			String text = Folded.bounded(answer);
			if (text.isBlank()) {
				return Validation.rejected("the answer is empty");
			}
			List<DateCandidate> candidates = scan(text, hint);
			if (candidates.isEmpty()) {
				return Validation.rejected("there is no date in it");
			}
			DateCandidate first = candidates.get(0);
			if (first.problem() != null) {
				return Validation.rejected(first.problem());
			}
			if (first.found().value().date().isBefore(today())) {
				return Validation.rejected(first.found().value().date() + " is in the past");
			}
			return Validation.accepted(first.found().value());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Validation.rejected("it could not be read as a date");
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private List<DateCandidate> scan(String text, Locale hint) {
		String folded = Folded.fold(text);
		LocalDate today = today();
		List<DateCandidate> all = new ArrayList<>();
		// Every absolute pattern needs a digit; most messages have none.
		if (hasDigit(folded)) {
			absolute(text, folded, today, hint != null && "US".equalsIgnoreCase(hint.getCountry()), all);
		}
		if (DateCandidate.mayMatch(folded, FULL_MONTH_NAMES)) {
			for (Matcher m = MONTH_ALONE.matcher(folded); m.find();) {
				all.add(DateCandidate.of(text, m,
						new ParsedDate(firstOfMonth(today, FULL_MONTHS.get(m.group("mo"))), true)));
			}
		}
		all.addAll(RelativeDates.scan(text, folded, today));
		return withoutOverlaps(all);
	}

	private static void absolute(String text, String folded, LocalDate today, boolean monthFirst,
			List<DateCandidate> all) {
		for (Matcher m = ISO.matcher(folded); m.find();) {
			all.add(absolute(text, m, today, m.group("y"), number(m.group("mo")), number(m.group("d"))));
		}
		for (Matcher m = NUMERIC_WITH_YEAR.matcher(folded); m.find();) {
			all.add(numeric(text, m, today, monthFirst, m.group("y")));
		}
		for (Matcher m = NUMERIC.matcher(folded); m.find();) {
			if (!"24/7".equals(m.group())) {
				all.add(numeric(text, m, today, monthFirst, null));
			}
		}
		for (Matcher m = DAY_MONTH.matcher(folded); m.find();) {
			all.add(absolute(text, m, today, m.group("y"), ALL_MONTHS.get(m.group("mo")), number(m.group("d"))));
		}
		for (Matcher m = MONTH_DAY.matcher(folded); m.find();) {
			all.add(absolute(text, m, today, m.group("y"), FULL_MONTHS.get(m.group("mo")), number(m.group("d"))));
		}
		for (Matcher m = DAY_ALONE.matcher(folded); m.find();) {
			all.add(dayAlone(text, m, today, number((m.group("d") != null) ? m.group("d") : m.group("d2"))));
		}
		for (Matcher m = MONTH_YEAR.matcher(folded); m.find();) {
			LocalDate first = LocalDate.of(number(m.group("y")), FULL_MONTHS.get(m.group("mo")), 1);
			all.add(DateCandidate.of(text, m, new ParsedDate(first, true)));
		}
	}

	private static boolean hasDigit(String folded) {
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c >= '0' && c <= '9') {
				return true;
			}
		}
		return false;
	}

	/**
	 * The longest readings win ("dia 5 de dezembro" over "dia 5"), then the earliest; in
	 * text order.
	 */
	private static List<DateCandidate> withoutOverlaps(List<DateCandidate> all) {
		all.sort(Comparator.comparingInt(DateCandidate::length)
			.reversed()
			.thenComparing(Comparator.comparingInt((DateCandidate c) -> c.found().start())));
		List<DateCandidate> kept = new ArrayList<>();
		for (DateCandidate candidate : all) {
			if (kept.stream()
				.noneMatch((other) -> other.found().overlaps(candidate.found().start(), candidate.found().end()))) {
				kept.add(candidate);
			}
		}
		kept.sort(Comparator.comparingInt((DateCandidate c) -> c.found().start()));
		return kept;
	}

	private static DateCandidate numeric(String text, Matcher m, LocalDate today, boolean monthFirst, String year) {
		int a = number(m.group("a"));
		int b = number(m.group("b"));
		int day = monthFirst ? b : a;
		int month = monthFirst ? a : b;
		if (month > 12 && day <= 12) {
			// Written the other way round ("11/24/2026" to a day-first reader): there is
			// only one reading.
			int swap = day;
			day = month;
			month = swap;
		}
		return absolute(text, m, today, year, month, day);
	}

	private static DateCandidate absolute(String text, Matcher m, LocalDate today, String year, int month, int day) {
		try {
			if (year == null) {
				LocalDate date = LocalDate.of(today.getYear(), month, (month == 2 && day == 29) ? 28 : day);
				if (month == 2 && day == 29) {
					date = nextLeapDay(today);
				}
				else if (date.isBefore(today)) {
					date = date.plusYears(1);
				}
				return DateCandidate.of(text, m, new ParsedDate(date, false));
			}
			int y = number(year);
			if (year.length() == 2) {
				y += 2000;
			}
			return DateCandidate.of(text, m, new ParsedDate(LocalDate.of(y, month, day), false));
		}
		catch (DateTimeException ex) {
			return DateCandidate.noSuchDay(text, m);
		}
	}

	/** "dia 15", "on the 3rd": the next such day, this month or a later one. */
	private static DateCandidate dayAlone(String text, Matcher m, LocalDate today, int day) {
		LocalDate month = today.withDayOfMonth(1);
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			if (day >= 1 && day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
				return DateCandidate.of(text, m, new ParsedDate(month.withDayOfMonth(day), false));
			}
		}
		return DateCandidate.noSuchDay(text, m);
	}

	private static LocalDate nextLeapDay(LocalDate today) {
		for (int year = today.getYear();; year++) {
			if (java.time.Year.isLeap(year) && !LocalDate.of(year, 2, 29).isBefore(today)) {
				return LocalDate.of(year, 2, 29);
			}
		}
	}

	private static LocalDate firstOfMonth(LocalDate today, int month) {
		if (month == today.getMonthValue()) {
			return today;
		}
		LocalDate first = LocalDate.of(today.getYear(), month, 1);
		return first.isBefore(today) ? first.plusYears(1) : first;
	}

	private static int number(String digits) {
		return Integer.parseInt(digits);
	}

	private static String alternation(Map<String, Integer> names) {
		return names.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.reduce((a, b) -> a + "|" + b)
			.orElseThrow();
	}

}
