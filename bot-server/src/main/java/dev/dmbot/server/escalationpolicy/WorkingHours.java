package dev.dmbot.server.escalationpolicy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.dmbot.server.workbook.DidYouMean;

/**
 * When the team answers, as the {@code Working hours} and {@code Time zone} settings of
 * the Escalations sheet say: e.g. {@code Mon-Fri 09:00-18:00; Sat 10:00-14:00} in
 * {@code Europe/Lisbon}. Times are wall-clock times in {@link #zone()}, so opening hours
 * stay put when the clocks change. No openings at all means always open (the setting was
 * left blank).
 *
 * @param openings the opening spans, one per day and range; empty for always open
 * @param zone the time zone the hours are in
 */
public record WorkingHours(List<Opening> openings, ZoneId zone) {

	/** The time zone when the sheet names none: the shop's own. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Lisbon");

	/** How to write working hours, for error messages. */
	static final String HOW_TO_WRITE = "write days and hours like Mon-Fri 09:00-18:00; Sat 10:00-14:00 "
			+ "(days Mon to Sun, times as HH:MM, parts separated by ;), or leave the cell empty for always open.";

	private static final Pattern PART = Pattern.compile("(?<days>\\p{L}[\\p{L}\\s,.\\-–]*?)\\s*(?<times>\\d.*)");

	private static final Pattern RANGE = Pattern.compile("(?<from>[^-–]+?)\\s*(?:-|–|\\bto\\b)\\s*(?<to>.+)");

	private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?h?");

	private static final List<String> DAY_NAMES = Arrays.stream(DayOfWeek.values())
		.map(WorkingHours::shortName)
		.toList();

	public WorkingHours {
		openings = List.copyOf(openings);
		Objects.requireNonNull(zone, "zone");
	}

	/** Open at every moment, e.g. when the sheet sets no working hours. */
	public static WorkingHours alwaysOpen(ZoneId zone) {
		return new WorkingHours(List.of(), zone);
	}

	/**
	 * Reads working hours as analysts write them: parts separated by {@code ;} (or line
	 * breaks), each a day ({@code Sat}), a range of days ({@code Mon-Fri},
	 * {@code Sat-Mon} wraps over the weekend) or a comma list of those, then one or more
	 * comma-separated time ranges ({@code 09:00-13:00, 14:00-18:00}). Day names may be
	 * written out in English ({@code Monday}) and are read regardless of case. An end at
	 * or before the start runs past midnight ({@code Fri 20:00-02:00}); {@code 24:00}
	 * ends a day. Blank text is always open.
	 * @throws IllegalArgumentException saying which part is wrong and why, in the
	 * analyst's words
	 */
	public static WorkingHours parse(String text, ZoneId zone) {
		List<Opening> openings = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return alwaysOpen(zone);
		}
		for (String rawPart : text.split("[;\\n]")) {
			String part = rawPart.strip();
			if (part.isEmpty()) {
				continue;
			}
			Matcher matcher = PART.matcher(part);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("the part \"" + part + "\" does not start with a day and then hours"
						+ (part.matches("\\d.*") ? " (it has no day)." : "."));
			}
			List<DayOfWeek> days = days(part, matcher.group("days"));
			for (String range : matcher.group("times").split(",")) {
				if (range.isBlank()) {
					continue;
				}
				LocalTime[] span = span(part, range.strip());
				days.forEach((day) -> openings.add(new Opening(day, span[0], span[1])));
			}
		}
		return new WorkingHours(openings, zone);
	}

	/** Whether no hours were set, so the team counts as always there. */
	public boolean isAlwaysOpen() {
		return this.openings.isEmpty();
	}

	/**
	 * Whether the team is working at {@code at}. Openings include their start, not their
	 * end.
	 */
	public boolean isOpen(Instant at) {
		if (isAlwaysOpen()) {
			return true;
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		for (Opening opening : this.openings) {
			// An opening that runs past midnight may have started the day before.
			for (LocalDate day : List.of(local.toLocalDate(), local.toLocalDate().minusDays(1))) {
				if (day.getDayOfWeek() == opening.day() && !local.isBefore(opening.start(day))
						&& local.isBefore(opening.end(day))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * When the team is next at work after {@code at}, in {@link #zone()}: {@code at}
	 * itself when open then; empty when always open.
	 */
	public Optional<ZonedDateTime> nextOpening(Instant at) {
		if (isAlwaysOpen()) {
			return Optional.empty();
		}
		if (isOpen(at)) {
			return Optional.of(at.atZone(this.zone));
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, this.zone);
		LocalDateTime next = null;
		for (int days = 0; days <= 7; days++) {
			LocalDate day = local.toLocalDate().plusDays(days);
			for (Opening opening : this.openings) {
				LocalDateTime start = opening.start(day);
				if (day.getDayOfWeek() == opening.day() && start.isAfter(local)
						&& (next == null || start.isBefore(next))) {
					next = start;
				}
			}
			if (next != null) {
				break;
			}
		}
		return Optional.ofNullable(next).map((start) -> start.atZone(this.zone));
	}

	/**
	 * When the team is back, for {@code {{opens}}} in a message: {@code today at 15:00},
	 * {@code tomorrow at 10:00}, {@code Monday at 09:00} (or {@code next Monday at 09:00}
	 * a week ahead), in {@link #zone()}; {@code now} when open at {@code at}; {@code ""}
	 * when always open.
	 */
	public String opensText(Instant at) {
		return opensText(at, "en");
	}

	/**
	 * As {@link #opensText(Instant)}, in Portuguese ("amanhã às 10:00", "na segunda-feira
	 * às 10:00") or Spanish ("mañana a las 10:00", "el lunes a las 10:00"); English for
	 * any other language.
	 */
	public String opensText(Instant at, String language) {
		if (isAlwaysOpen()) {
			return "";
		}
		boolean pt = "pt".equals(language);
		boolean es = "es".equals(language);
		if (isOpen(at)) {
			return pt ? "agora" : es ? "ahora" : "now";
		}
		ZonedDateTime next = nextOpening(at).orElseThrow();
		long days = ChronoUnit.DAYS.between(LocalDateTime.ofInstant(at, this.zone).toLocalDate(), next.toLocalDate());
		String time = String.format(Locale.ROOT, "%02d:%02d", next.getHour(), next.getMinute());
		Locale locale = pt ? Locale.forLanguageTag("pt-PT") : es ? Locale.forLanguageTag("es") : Locale.ENGLISH;
		String day = next.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
		String at24 = pt ? " às " + time : es ? " a las " + time : " at " + time;
		if (days == 0) {
			return (pt ? "hoje" : es ? "hoy" : "today") + at24;
		}
		if (days == 1) {
			return (pt ? "amanhã" : es ? "mañana" : "tomorrow") + at24;
		}
		if (pt) {
			boolean saturdayOrSunday = next.getDayOfWeek().getValue() >= 6;
			return (saturdayOrSunday ? "no " : "na ") + day + ((days >= 7) ? " da próxima semana" : "") + at24;
		}
		if (es) {
			return "el " + day + ((days >= 7) ? " de la semana que viene" : "") + at24;
		}
		return ((days >= 7) ? "next " : "") + day + at24;
	}

	private static List<DayOfWeek> days(String part, String text) {
		List<DayOfWeek> days = new ArrayList<>();
		for (String item : text.split(",")) {
			if (item.isBlank()) {
				continue;
			}
			Matcher range = RANGE.matcher(item.strip());
			if (range.matches()) {
				DayOfWeek first = day(part, range.group("from"));
				DayOfWeek last = day(part, range.group("to"));
				for (DayOfWeek day = first;; day = day.plus(1)) {
					days.add(day);
					if (day == last) {
						break;
					}
				}
			}
			else {
				days.add(day(part, item));
			}
		}
		return days;
	}

	private static DayOfWeek day(String part, String text) {
		String name = text.strip().replaceAll("\\.$", "").toLowerCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			String full = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
			if (name.length() >= 3 && full.startsWith(name)) {
				return day;
			}
		}
		throw new IllegalArgumentException("in \"" + part + "\", \"" + text.strip() + "\" is not a day"
				+ DidYouMean.endOfSentence(text.strip(), DAY_NAMES));
	}

	private static LocalTime[] span(String part, String text) {
		Matcher range = RANGE.matcher(text);
		if (!range.matches()) {
			throw new IllegalArgumentException(
					"in \"" + part + "\", \"" + text + "\" is not a range of hours such as 09:00-18:00.");
		}
		LocalTime from = time(part, range.group("from"), false);
		LocalTime to = time(part, range.group("to"), true);
		if (from.equals(to) && !range.group("to").strip().startsWith("24")) {
			throw new IllegalArgumentException(
					"in \"" + part + "\", the hours " + text + " start and end at the same time.");
		}
		return new LocalTime[] { from, to };
	}

	private static LocalTime time(String part, String text, boolean end) {
		Matcher time = TIME.matcher(text.strip());
		if (!time.matches()) {
			throw new IllegalArgumentException(
					"in \"" + part + "\", \"" + text.strip() + "\" is not a time of day written as HH:MM, e.g. 09:30.");
		}
		int hour = Integer.parseInt(time.group(1));
		int minute = (time.group(2) != null) ? Integer.parseInt(time.group(2)) : 0;
		if (end && hour == 24 && minute == 0) {
			return LocalTime.MIDNIGHT;
		}
		if (hour > 23 || minute > 59) {
			throw new IllegalArgumentException("in \"" + part + "\", \"" + text.strip()
					+ "\" is not a time of day (hours go from 00 to 23, minutes from 00 to 59; 24:00 may end a day).");
		}
		return LocalTime.of(hour, minute);
	}

	private static String shortName(DayOfWeek day) {
		return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
	}

	/**
	 * One span of working time on a day.
	 *
	 * @param day the day it starts on
	 * @param opens when it starts
	 * @param closes when it ends; at or before {@code opens}, the next day (so
	 * {@code 00:00} after {@code 10:00} is midnight, and equal times are 24 hours)
	 */
	public record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {

		public Opening {
			Objects.requireNonNull(day, "day");
			Objects.requireNonNull(opens, "opens");
			Objects.requireNonNull(closes, "closes");
		}

		LocalDateTime start(LocalDate date) {
			return date.atTime(this.opens);
		}

		LocalDateTime end(LocalDate date) {
			return this.closes.isAfter(this.opens) ? date.atTime(this.closes) : date.plusDays(1).atTime(this.closes);
		}

		@Override
		public String toString() {
			return shortName(this.day) + " " + this.opens + "-"
					+ (this.closes.equals(LocalTime.MIDNIGHT) ? "24:00" : this.closes.toString());
		}

	}

}
