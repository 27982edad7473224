package dev.dmbot.server.guardrails;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.workbook.CellSyntax;

/**
 * What the bot must never do, whatever the Replies sheet says: the Guardrails sheet of a
 * live set of workbooks. Opt-out words (and the {@code opt_out} intent) end automated
 * messages to a person until an opt-in word; a daily cap limits automated messages per
 * person; quiet hours say when a non-urgent follow-up may go out; a disclosure line opens
 * the first automated message. Immutable and thread-safe; it keeps no state about people,
 * which lives in Redis.
 */
public final class GuardrailPolicy {

	/** The intent that opts out like an opt-out word when the sheet is there. */
	public static final String OPT_OUT_INTENT = "opt_out";

	/**
	 * How many words besides an opt-out or opt-in phrase a message may have and still be
	 * that phrase: "stop please", "pare por favor", "unsubscribe me now".
	 */
	static final int MAX_OTHER_WORDS = 2;

	/**
	 * Words that turn a phrase around ("don't stop", "não pare"), as
	 * {@link CellSyntax#words} folds them.
	 */
	private static final Set<String> NEGATIONS = Set.of("not", "dont", "don", "t", "never", "nao", "nunca", "ne", "pas",
			"nicht", "nie");

	/**
	 * The setting names of the texts that may be translated, as the sheet writes them.
	 */
	static final String OPT_OUT_REPLY = "Opt-out reply";

	static final String OPT_IN_REPLY = "Opt-in reply";

	static final String DISCLOSURE = "Disclosure";

	/** The policy of a set of workbooks without a Guardrails sheet: allows everything. */
	public static final GuardrailPolicy NONE = new GuardrailPolicy(false, List.of(), null, List.of(), null, null, null,
			WorkingHours.DEFAULT_ZONE, null);

	/**
	 * {@code rules}' guardrails, from the Guardrails sheet; {@link #NONE} when they were
	 * compiled without that sheet.
	 */
	public static GuardrailPolicy of(CompiledRules rules) {
		return rules.part(GuardrailPolicy.class).orElse(NONE);
	}

	private final boolean present;

	private final List<String> optOutWords;

	private final String optOutReply;

	private final List<String> optInWords;

	private final String optInReply;

	private final Integer dailyCap;

	private final QuietHours quietHours;

	private final ZoneId zone;

	private final String disclosure;

	/** The texts in other languages: by setting ("Opt-out reply"…), then language. */
	private final Map<String, Map<String, String>> translations;

	GuardrailPolicy(boolean present, List<String> optOutWords, String optOutReply, List<String> optInWords,
			String optInReply, Integer dailyCap, QuietHours quietHours, ZoneId zone, String disclosure) {
		this(present, optOutWords, optOutReply, optInWords, optInReply, dailyCap, quietHours, zone, disclosure,
				Map.of());
	}

	/**
	 * @param translations the opt-out and opt-in replies and the disclosure in other
	 * languages, keyed by {@link #OPT_OUT_REPLY}, {@link #OPT_IN_REPLY} and
	 * {@link #DISCLOSURE}, then by ISO 639-1 code
	 */
	GuardrailPolicy(boolean present, List<String> optOutWords, String optOutReply, List<String> optInWords,
			String optInReply, Integer dailyCap, QuietHours quietHours, ZoneId zone, String disclosure,
			Map<String, Map<String, String>> translations) {
		this.translations = Map.copyOf(translations);
		this.present = present;
		this.optOutWords = List.copyOf(optOutWords);
		this.optOutReply = optOutReply;
		this.optInWords = List.copyOf(optInWords);
		this.optInReply = optInReply;
		this.dailyCap = dailyCap;
		this.quietHours = quietHours;
		this.zone = Objects.requireNonNull(zone, "zone");
		this.disclosure = disclosure;
	}

	/**
	 * Whether a message asks for no more automated messages: it is one of the opt-out
	 * phrases (with at most {@value #MAX_OTHER_WORDS} other words and no negation), or
	 * its intent is {@code opt_out}. Never without a Guardrails sheet: then the Replies
	 * sheet answers {@code opt_out} like any intent.
	 */
	public boolean optsOut(String text, String intent) {
		return this.present && (OPT_OUT_INTENT.equals(intent) || saysAny(text, this.optOutWords));
	}

	/** Whether a message is one of the opt-in phrases, the same way. */
	public boolean optsIn(String text) {
		return this.present && saysAny(text, this.optInWords);
	}

	/**
	 * The confirmation of an opt-out, {@code {{variables}}} still to fill; empty without
	 * a sheet.
	 */
	public Optional<String> optOutReply() {
		return Optional.ofNullable(this.optOutReply);
	}

	/** The confirmation of an opt-out in a customer's language, else the default one. */
	public Optional<String> optOutReply(String language) {
		return translated(OPT_OUT_REPLY, language).or(this::optOutReply);
	}

	/** The confirmation of an opt-in, {@code {{variables}}} still to fill. */
	public Optional<String> optInReply() {
		return Optional.ofNullable(this.optInReply);
	}

	/** The confirmation of an opt-in in a customer's language, else the default one. */
	public Optional<String> optInReply(String language) {
		return translated(OPT_IN_REPLY, language).or(this::optInReply);
	}

	/** The disclosure line in a customer's language, else the default one. */
	public Optional<String> disclosure(String language) {
		return translated(DISCLOSURE, language).or(this::disclosure);
	}

	private Optional<String> translated(String setting, String language) {
		return Optional.ofNullable(this.translations.getOrDefault(setting, Map.of()).get(language));
	}

	/** The most automated messages one person gets per day in {@link #zone()}. */
	public OptionalInt dailyCap() {
		return (this.dailyCap != null) ? OptionalInt.of(this.dailyCap) : OptionalInt.empty();
	}

	/** The line that opens the first automated message a person gets. */
	public Optional<String> disclosure() {
		return Optional.ofNullable(this.disclosure);
	}

	/** The account's time zone: the day of the cap and the clock of the quiet hours. */
	public ZoneId zone() {
		return this.zone;
	}

	/** The quiet hours, if the sheet sets them. */
	public Optional<QuietHours> quietHours() {
		return Optional.ofNullable(this.quietHours);
	}

	/**
	 * The earliest time from {@code at} on at which a non-urgent automated message (a
	 * follow-up) may go out: {@code at} itself outside quiet hours, else the end of the
	 * quiet hours. Replies to a customer's message are answers they asked for and are
	 * never delayed.
	 */
	public Instant nextAllowed(Instant at) {
		return (this.quietHours != null) ? this.quietHours.nextAllowed(at, this.zone) : at;
	}

	/** The day {@code at} falls on in the account's time zone, for the daily cap. */
	public LocalDate day(Instant at) {
		return at.atZone(this.zone).toLocalDate();
	}

	private static boolean saysAny(String text, List<String> phrases) {
		if (text == null || phrases.isEmpty()) {
			return false;
		}
		List<String> words = List.of(CellSyntax.words(text).strip().split(" "));
		for (String phrase : phrases) {
			List<String> wanted = List.of(phrase.split(" "));
			int at = indexOf(words, wanted);
			if (at < 0) {
				continue;
			}
			List<String> others = new ArrayList<>(words.subList(0, at));
			others.addAll(words.subList(at + wanted.size(), words.size()));
			if (others.size() <= MAX_OTHER_WORDS && others.stream().noneMatch(NEGATIONS::contains)) {
				return true;
			}
		}
		return false;
	}

	private static int indexOf(List<String> words, List<String> phrase) {
		for (int i = 0; i + phrase.size() <= words.size(); i++) {
			if (words.subList(i, i + phrase.size()).equals(phrase)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof GuardrailPolicy policy && this.present == policy.present
				&& this.optOutWords.equals(policy.optOutWords) && Objects.equals(this.optOutReply, policy.optOutReply)
				&& this.optInWords.equals(policy.optInWords) && Objects.equals(this.optInReply, policy.optInReply)
				&& Objects.equals(this.dailyCap, policy.dailyCap) && Objects.equals(this.quietHours, policy.quietHours)
				&& this.zone.equals(policy.zone) && Objects.equals(this.disclosure, policy.disclosure);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.present, this.optOutWords, this.optOutReply, this.optInWords, this.optInReply,
				this.dailyCap, this.quietHours, this.zone, this.disclosure);
	}

	@Override
	public String toString() {
		return this.present ? "GuardrailPolicy[opt-out " + this.optOutWords + ", opt-in " + this.optInWords + ", cap "
				+ this.dailyCap + ", quiet " + this.quietHours + " " + this.zone + "]" : "GuardrailPolicy.NONE";
	}

	/**
	 * A daily stretch of time, local to the account, in which no follow-up goes out; it
	 * may run past midnight ({@code 22:00-08:00}).
	 *
	 * @param from the first quiet minute
	 * @param until the first minute allowed again
	 */
	public record QuietHours(LocalTime from, LocalTime until) {

		static final String HOW_TO_WRITE = "write the start and the end as hh:mm-hh:mm, e.g. 22:00-08:00 (it may"
				+ " run past midnight), or leave it empty for none.";

		public QuietHours {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(until, "until");
			if (from.equals(until)) {
				throw new IllegalArgumentException(
						"quiet hours from " + from + " to " + until + " are no time at all.");
			}
		}

		/**
		 * Reads {@code 22:00-08:00} (an en dash or {@code to} also separate).
		 * @throws IllegalArgumentException saying what is wrong
		 */
		static QuietHours parse(String text) {
			String[] parts = text.strip().split("\\s*(?:-|–|—|\\bto\\b)\\s*");
			if (parts.length != 2) {
				throw new IllegalArgumentException("\"" + text + "\" is not a start and an end time.");
			}
			LocalTime[] times = Arrays.stream(parts).map((part) -> time(part, text)).toArray(LocalTime[]::new);
			if (times[0].equals(times[1])) {
				throw new IllegalArgumentException(
						"\"" + text + "\" starts and ends at the same time, so it is no quiet time at all.");
			}
			return new QuietHours(times[0], times[1]);
		}

		private static LocalTime time(String part, String text) {
			if (!part.matches("\\d{1,2}(?:[:h.]\\d{2})?")) {
				throw new IllegalArgumentException("\"" + part + "\" in \"" + text + "\" is not a time of day.");
			}
			String[] hm = part.split("[:h.]");
			int hour = Integer.parseInt(hm[0]);
			int minute = (hm.length > 1) ? Integer.parseInt(hm[1]) : 0;
			if (hour == 24 && minute == 0) {
				return LocalTime.MIDNIGHT;
			}
			if (hour > 23 || minute > 59) {
				throw new IllegalArgumentException("\"" + part + "\" in \"" + text + "\" is not a time of day.");
			}
			return LocalTime.of(hour, minute);
		}

		/** Whether a local time of day is quiet. */
		public boolean contains(LocalTime time) {
			if (this.from.isBefore(this.until)) {
				return !time.isBefore(this.from) && time.isBefore(this.until);
			}
			return !time.isBefore(this.from) || time.isBefore(this.until);
		}

		Instant nextAllowed(Instant at, ZoneId zone) {
			ZonedDateTime local = at.atZone(zone);
			if (!contains(local.toLocalTime())) {
				return at;
			}
			LocalDate endDay = local.toLocalDate();
			if (!local.toLocalTime().isBefore(this.until)) {
				// Quiet since this evening: it ends tomorrow morning.
				endDay = endDay.plusDays(1);
			}
			// A clock change inside the quiet hours moves the end as the wall clock does;
			// an end in a skipped hour becomes the first minute after it.
			return ZonedDateTime.of(endDay, this.until, zone).toInstant();
		}

		@Override
		public String toString() {
			return this.from + "-" + this.until;
		}

	}

}
