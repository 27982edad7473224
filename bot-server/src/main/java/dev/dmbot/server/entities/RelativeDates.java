package dev.dmbot.server.entities;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates written relative to today, in English, Portuguese and Spanish: "tomorrow",
 * weekdays, "in 2 weeks", "next month", "this weekend", "asap" (see {@link DateParser}
 * for the whole list and how each is read).
 * <p>
 * Each pattern comes with the words any of its matches must contain, so a message without
 * them is not scanned for it at all.
 */
final class RelativeDates {

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

	private static final String NUMBER_WORDS = "a couple of|a few|couple of|an|a|one|two|three|four|five|six|seven|"
			+ "eight|nine|ten|uma|um|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez|una|un|uno|dos|cuatro|siete|"
			+ "ocho|nueve|diez|quinze|quince|fifteen";

	private static final String UNITS = "days?|dias?|weeks?|semanas?|months?|meses|mes|years?|anos?";

	/** Every unit of {@link #UNITS} contains one of these. */
	private static final List<String> UNIT_WORDS = List.of("day", "dia", "week", "semana", "month", "mes", "year",
			"ano");

	private static final Pattern IN_N = Pattern.compile(DatePatterns.NOT_AFTER_LETTER
			+ "(?:(?:in|within|daqui a|dentro de|de aqui a|em|en|after|depois de|despues de)\\s{1,3}(?<n>\\d{1,3}|"
			+ NUMBER_WORDS + ")\\s{1,3}(?<u>" + UNITS + ")|(?<n2>\\d{1,3}|" + NUMBER_WORDS + ")\\s{1,3}(?<u2>" + UNITS
			+ ")\\s{1,3}(?:from now|from today|a partir de hoje|a partir de hoy))" + DatePatterns.NOT_BEFORE_LETTER);

	private static final Pattern WEEKDAY = Pattern.compile(DatePatterns.NOT_AFTER_LETTER
			+ "(?:(?<pre>next|this|coming|on|by|until|proxima|proximo|esta|este|nesta|neste|na|no|ate|ate a|el proximo|"
			+ "la proxima|el|hasta el|para el|para a|para|this coming)\\s{1,3})?(?<wd>"
			+ String.join("|", WEEKDAYS.keySet()) + ")(?<feira>[- ]feira)?(?:\\s{1,3}(?<after>que vem|que viene))?"
			+ DatePatterns.NOT_BEFORE_LETTER + "(?!\\s{1,3}(?:vez|vezes|parte|mao|classe|opcao|fase|via)(?![a-z]))");

	private static final List<String> WEEKDAY_NAMES = List.copyOf(WEEKDAYS.keySet());

	/** A phrase, the words any match of it contains, and the date it names. */
	private record Phrase(Pattern pattern, List<String> required, Function<LocalDate, ParsedDate> date) {

		static Phrase of(String regex, List<String> required, Function<LocalDate, ParsedDate> date) {
			return new Phrase(DatePatterns.phrase(regex), required, date);
		}

		static Phrase days(String regex, List<String> required, int days, boolean approximate) {
			return of(regex, required, (today) -> new ParsedDate(today.plusDays(days), approximate));
		}

	}

	private static final List<Phrase> PHRASES = List.of(
			Phrase.days("(?:the )?day after tomorrow|depois de amanha|pasado manana",
					List.of("tomorrow", "amanha", "manana"), 2, false),
			Phrase.days("tomorrow|amanha|(?<!la |esta |pasado |por la )manana", List.of("tomorrow", "amanha", "manana"),
					1, false),
			Phrase.days("today|tonight|hoje|hoy|esta noite|esta noche",
					List.of("today", "tonight", "hoje", "hoy", "noite", "noche"), 0, false),
			Phrase.days("asap|a\\.s\\.a\\.p\\.?|as soon as possible|right away|immediately|right now|o quanto antes|"
					+ "quanto antes|o mais rapido possivel|o mais breve possivel|imediatamente|lo antes posible|"
					+ "lo mas pronto posible|cuanto antes|inmediatamente|ya mismo",
					List.of("asap", "a.s.a.p", "soon", "right", "immediately", "antes", "rapido", "breve",
							"imediatamente", "pronto", "inmediatamente", "mismo"),
					0, true),
			Phrase.of(
					"(?:this |next |the |este |neste |no |nesse |el |proximo |el proximo |o proximo )?"
							+ "(?:weekend|fim de semana|fin de semana|finde)",
					List.of("weekend", "semana", "finde"), RelativeDates::weekend),
			Phrase.of("next week|(?:a |na )?proxima semana|(?:na )?semana que vem|(?:la )?semana que viene",
					List.of("week", "semana"),
					(today) -> new ParsedDate(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), true)),
			Phrase.of("this week|esta semana|nesta semana|this month|este mes|neste mes",
					List.of("week", "semana", "month", "mes"), (today) -> new ParsedDate(today, true)),
			Phrase.of("next month|(?:o |no |el )?proximo mes|(?:no |el )?mes que (?:vem|viene)",
					List.of("month", "mes"), (today) -> new ParsedDate(today.plusMonths(1).withDayOfMonth(1), true)),
			Phrase.of("next year|(?:o |no |el )?proximo ano|(?:no |el )?ano que (?:vem|viene)", List.of("year", "ano"),
					(today) -> new ParsedDate(today.plusYears(1).withDayOfYear(1), true)));

	private RelativeDates() {
	}

	/** Every relative date in the folded text, overlaps included. */
	static List<DateCandidate> scan(String text, String folded, LocalDate today) {
		List<DateCandidate> all = new ArrayList<>();
		if (DateCandidate.mayMatch(folded, UNIT_WORDS)) {
			for (Matcher m = IN_N.matcher(folded); m.find();) {
				String n = (m.group("n") != null) ? m.group("n") : m.group("n2");
				String unit = (m.group("u") != null) ? m.group("u") : m.group("u2");
				all.add(DateCandidate.of(text, m, later(today, count(n), unit)));
			}
		}
		if (DateCandidate.mayMatch(folded, WEEKDAY_NAMES)) {
			for (Matcher m = WEEKDAY.matcher(folded); m.find();) {
				DateCandidate weekday = weekday(text, m, today);
				if (weekday != null) {
					all.add(weekday);
				}
			}
		}
		for (Phrase phrase : PHRASES) {
			if (DateCandidate.mayMatch(folded, phrase.required())) {
				for (Matcher m = phrase.pattern().matcher(folded); m.find();) {
					all.add(DateCandidate.of(text, m, phrase.date().apply(today)));
				}
			}
		}
		return all;
	}

	private static DateCandidate weekday(String text, Matcher m, LocalDate today) {
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
		return new DateCandidate(
				new Found<>(new ParsedDate(date, false), start, m.end(), text.substring(start, m.end())), null);
	}

	private static ParsedDate weekend(LocalDate today) {
		DayOfWeek day = today.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
			return new ParsedDate(today, true);
		}
		return new ParsedDate(today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)), true);
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
			return Integer.parseInt(written);
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

}
