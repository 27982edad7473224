package dev.dmbot.server.entities;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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

	private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
			Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
			Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
			Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
			Map.entry("segunda", DayOfWeek.MONDAY), Map.entry("terca", DayOfWeek.TUESDAY),
			Map.entry("quarta", DayOfWeek.WEDNESDAY), Map.entry("quinta", DayOfWeek.THURSDAY),
			Map.entry("sexta", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
			Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("lunes", DayOfWeek.MONDAY),
			Map.entry("martes", DayOfWeek.TUESDAY), Map.entry("miercoles", DayOfWeek.WEDNESDAY),
			Map.entry("jueves", DayOfWeek.THURSDAY), Map.entry("viernes", DayOfWeek.FRIDAY));

	/**
	 * Portuguese weekday names that are also ordinals ("segunda vez", "quinta" a farm):
	 * they need a cue.
	 */
	private static final List<String> AMBIGUOUS_WEEKDAYS = List.of("segunda", "terca", "quarta", "quinta", "sexta");

	private static final String NOT_AFTER_LETTER = "(?<![\\p{L}\\d])";

	private static final String NOT_BEFORE_LETTER = "(?![\\p{L}\\d])";

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

	private static final String NUMBER_WORDS = "a couple of|a few|couple of|an|a|one|two|three|four|five|six|seven|"
			+ "eight|nine|ten|uma|um|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|una|un|uno|dos|cuatro|siete|"
			+ "ocho|nueve|diez|quinze|quince|fifteen";

	private static final String UNITS = "days?|dias?|weeks?|semanas?|months?|meses|mes|years?|anos?";

	private static final Pattern IN_N = Pattern.compile(NOT_AFTER_LETTER
			+ "(?:(?:in|within|daqui a|dentro de|de aqui a|em|en|after|depois de|despues de)\\s{1,3}(?<n>\\d{1,3}|"
			+ NUMBER_WORDS + ")\\s{1,3}(?<u>" + UNITS + ")|(?<n2>\\d{1,3}|" + NUMBER_WORDS + ")\\s{1,3}(?<u2>" + UNITS
			+ ")\\s{1,3}(?:from now|from today|a partir de hoje|a partir de hoy))" + NOT_BEFORE_LETTER);

	private static final Pattern WEEKDAY = Pattern.compile(NOT_AFTER_LETTER
			+ "(?:(?<pre>next|this|coming|on|by|until|proxima|proximo|esta|este|nesta|neste|na|no|ate|ate a|el proximo|"
			+ "la proxima|el|hasta el|para el|para a|para|this coming)\\s{1,3})?(?<wd>"
			+ String.join("|", WEEKDAYS.keySet()) + ")(?<feira>[- ]feira)?(?:\\s{1,3}(?<after>que vem|que viene))?"
			+ NOT_BEFORE_LETTER + "(?!\\s{1,3}(?:vez|vezes|parte|mao|classe|opcao|fase|via)(?![a-z]))");

	private static final Map<Pattern, Relative> RELATIVES = new LinkedHashMap<>();

	static {
		relative("(?:the )?day after tomorrow|depois de amanha|pasado manana", 2, false);
		relative("tomorrow|amanha|(?<!la |esta |pasado |por la )manana", 1, false);
		relative("today|tonight|hoje|hoy|esta noite|esta noche", 0, false);
		relative("asap|a\\.s\\.a\\.p\\.?|as soon as possible|right away|immediately|right now|o quanto antes|"
				+ "quanto antes|o mais rapido possivel|o mais breve possivel|imediatamente|lo antes posible|"
				+ "lo mas pronto posible|cuanto antes|inmediatamente|ya mismo", 0, true);
		RELATIVES.put(phrase("(?:this |next |the |este |neste |no |nesse |el |proximo |el proximo |o proximo )?"
				+ "(?:weekend|fim de semana|fin de semana|finde)"), (today) -> weekend(today));
		RELATIVES.put(phrase("next week|(?:a |na )?proxima semana|(?:na )?semana que vem|(?:la )?semana que viene"),
				(today) -> new ParsedDate(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), true));
		RELATIVES.put(phrase("this week|esta semana|nesta semana|this month|este mes|neste mes"),
				(today) -> new ParsedDate(today, true));
		RELATIVES.put(phrase("next month|(?:o |no |el )?proximo mes|(?:no |el )?mes que (?:vem|viene)"),
				(today) -> new ParsedDate(today.plusMonths(1).withDayOfMonth(1), true));
		RELATIVES.put(phrase("next year|(?:o |no |el )?proximo ano|(?:no |el )?ano que (?:vem|viene)"),
				(today) -> new ParsedDate(today.plusYears(1).withDayOfYear(1), true));
	}

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
			for (Candidate candidate : scan(Folded.bounded(text), hint)) {
				if (candidate.problem == null) {
					found.add(candidate.found);
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
			List<Candidate> candidates = scan(text, hint);
			if (candidates.isEmpty()) {
				return Validation.rejected("there is no date in it");
			}
			Candidate first = candidates.get(0);
			if (first.problem != null) {
				return Validation.rejected(first.problem);
			}
			if (first.found.value().date().isBefore(today())) {
				return Validation.rejected(first.found.value().date() + " is in the past");
			}
			return Validation.accepted(first.found.value());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Validation.rejected("it could not be read as a date");
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private interface Relative {

		ParsedDate from(LocalDate today);

	}

	private record Candidate(Found<ParsedDate> found, String problem) {

		int length() {
			return this.found.end() - this.found.start();
		}

	}

	private List<Candidate> scan(String text, Locale hint) {
		String folded = Folded.fold(text);
		LocalDate today = today();
		boolean monthFirst = hint != null && "US".equalsIgnoreCase(hint.getCountry());
		List<Candidate> all = new ArrayList<>();
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
			all.add(found(text, m, new ParsedDate(first, true)));
		}
		for (Matcher m = MONTH_ALONE.matcher(folded); m.find();) {
			all.add(found(text, m, new ParsedDate(firstOfMonth(today, FULL_MONTHS.get(m.group("mo"))), true)));
		}
		for (Matcher m = IN_N.matcher(folded); m.find();) {
			String n = (m.group("n") != null) ? m.group("n") : m.group("n2");
			String unit = (m.group("u") != null) ? m.group("u") : m.group("u2");
			all.add(found(text, m, later(today, count(n), unit)));
		}
		for (Matcher m = WEEKDAY.matcher(folded); m.find();) {
			Candidate weekday = weekday(text, m, today);
			if (weekday != null) {
				all.add(weekday);
			}
		}
		for (Map.Entry<Pattern, Relative> relative : RELATIVES.entrySet()) {
			for (Matcher m = relative.getKey().matcher(folded); m.find();) {
				all.add(found(text, m, relative.getValue().from(today)));
			}
		}
		return withoutOverlaps(all);
	}

	/**
	 * The longest readings win ("dia 5 de dezembro" over "dia 5"), then the earliest; in
	 * text order.
	 */
	private static List<Candidate> withoutOverlaps(List<Candidate> all) {
		all.sort(Comparator.comparingInt(Candidate::length)
			.reversed()
			.thenComparing(Comparator.comparingInt((Candidate c) -> c.found.start())));
		List<Candidate> kept = new ArrayList<>();
		for (Candidate candidate : all) {
			if (kept.stream()
				.noneMatch((other) -> other.found.overlaps(candidate.found.start(), candidate.found.end()))) {
				kept.add(candidate);
			}
		}
		kept.sort(Comparator.comparingInt((Candidate c) -> c.found.start()));
		return kept;
	}

	private static Candidate numeric(String text, Matcher m, LocalDate today, boolean monthFirst, String year) {
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

	private static Candidate absolute(String text, Matcher m, LocalDate today, String year, int month, int day) {
		try {
			if (year == null) {
				LocalDate date = LocalDate.of(today.getYear(), month, (month == 2 && day == 29) ? 28 : day);
				if (month == 2 && day == 29) {
					date = nextLeapDay(today);
				}
				else if (date.isBefore(today)) {
					date = date.plusYears(1);
				}
				return found(text, m, new ParsedDate(date, false));
			}
			int y = number(year);
			if (year.length() == 2) {
				y += 2000;
			}
			return found(text, m, new ParsedDate(LocalDate.of(y, month, day), false));
		}
		catch (DateTimeException ex) {
			return new Candidate(new Found<>(null, m.start(), m.end(), text.substring(m.start(), m.end())),
					"there is no such day as \"" + text.substring(m.start(), m.end()) + "\"");
		}
	}

	/** "dia 15", "on the 3rd": the next such day, this month or a later one. */
	private static Candidate dayAlone(String text, Matcher m, LocalDate today, int day) {
		LocalDate month = today.withDayOfMonth(1);
		for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
			if (day >= 1 && day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
				return found(text, m, new ParsedDate(month.withDayOfMonth(day), false));
			}
		}
		return new Candidate(new Found<>(null, m.start(), m.end(), text.substring(m.start(), m.end())),
				"there is no such day as \"" + text.substring(m.start(), m.end()) + "\"");
	}

	private static LocalDate nextLeapDay(LocalDate today) {
		for (int year = today.getYear();; year++) {
			if (java.time.Year.isLeap(year) && !LocalDate.of(year, 2, 29).isBefore(today)) {
				return LocalDate.of(year, 2, 29);
			}
		}
	}

	private static Candidate weekday(String text, Matcher m, LocalDate today) {
		String name = m.group("wd");
		String pre = m.group("pre");
		if (AMBIGUOUS_WEEKDAYS.contains(name) && pre == null && m.group("feira") == null && m.group("after") == null) {
			return null;
		}
		DayOfWeek day = WEEKDAYS.get(name);
		boolean thisOne = pre != null && (pre.startsWith("this") || pre.startsWith("est") || pre.startsWith("nest"));
		LocalDate date = (thisOne && today.getDayOfWeek() == day) ? today : today.with(TemporalAdjusters.next(day));
		int start = (pre != null
				&& (pre.equals("on") || pre.equals("na") || pre.equals("no") || pre.equals("el") || pre.equals("para")))
						? m.start("wd") : m.start();
		return new Candidate(new Found<>(new ParsedDate(date, false), start, m.end(), text.substring(start, m.end())),
				null);
	}

	private static ParsedDate weekend(LocalDate today) {
		DayOfWeek day = today.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
			return new ParsedDate(today, true);
		}
		return new ParsedDate(today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)), true);
	}

	private static LocalDate firstOfMonth(LocalDate today, int month) {
		if (month == today.getMonthValue()) {
			return today;
		}
		LocalDate first = LocalDate.of(today.getYear(), month, 1);
		return first.isBefore(today) ? first.plusYears(1) : first;
	}

	private static ParsedDate later(LocalDate today, int n, String unit) {
		if (unit.startsWith("d")) {
			return new ParsedDate(today.plusDays(n), false);
		}
		if (unit.startsWith("w") || unit.startsWith("s")) {
			return new ParsedDate(today.plusWeeks(n), true);
		}
		if (unit.startsWith("m")) {
			return new ParsedDate(today.plusMonths(n), true);
		}
		return new ParsedDate(today.plusYears(n), true);
	}

	private static int count(String written) {
		if (Character.isDigit(written.charAt(0))) {
			return number(written);
		}
		switch (written) {
			case "a", "an", "one", "um", "uma", "un", "una", "uno":
				return 1;
			case "two", "dois", "duas", "dos", "a couple of", "couple of":
				return 2;
			case "three", "tres", "a few":
				return 3;
			case "four", "quatro", "cuatro":
				return 4;
			case "five", "cinco":
				return 5;
			case "six", "seis":
				return 6;
			case "seven", "sete", "siete":
				return 7;
			case "eight", "oito", "ocho":
				return 8;
			case "nine", "nove", "nueve":
				return 9;
			case "ten", "dez", "diez":
				return 10;
			default:
				return 15;
		}
	}

	private static int number(String digits) {
		return Integer.parseInt(digits);
	}

	private static Candidate found(String text, Matcher m, ParsedDate date) {
		return new Candidate(new Found<>(date, m.start(), m.end(), text.substring(m.start(), m.end())), null);
	}

	private static void relative(String regex, int days, boolean approximate) {
		RELATIVES.put(phrase(regex), (today) -> new ParsedDate(today.plusDays(days), approximate));
	}

	private static Pattern phrase(String regex) {
		return Pattern.compile(NOT_AFTER_LETTER + "(?:" + regex + ")" + NOT_BEFORE_LETTER);
	}

	private static String alternation(Map<String, Integer> names) {
		return names.keySet()
			.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.reduce((a, b) -> a + "|" + b)
			.orElseThrow();
	}

}
