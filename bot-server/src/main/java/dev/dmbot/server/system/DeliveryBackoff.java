package dev.dmbot.server.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.resilience4j.core.IntervalFunction;

/**
 * How long to wait before the next try of a webhook delivery (leads to the CRM,
 * escalation notifications): Resilience4j's exponential backoff with jitter (as the Send
 * API retries do), but never less than a {@code Retry-After} the receiver sent. The wait
 * is kept in Redis as a due time ({@link DueQueue}) instead of a sleeping thread, so
 * retries survive a restart.
 */
public final class DeliveryBackoff {

	/** A receiver asking for more than a day is taken as asking for a day. */
	public static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

	private final IntervalFunction intervals;

	public DeliveryBackoff(Duration initial, Duration max) {
		this.intervals = IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, max);
	}

	/**
	 * @param attempts tries made so far (1 after the first failure)
	 * @param retryAfter the receiver's wish, or null
	 */
	public Duration next(int attempts, Duration retryAfter) {
		Duration backoff = Duration.ofMillis(this.intervals.apply(Math.max(1, attempts)));
		if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
			return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
		}
		return backoff;
	}

	/**
	 * A {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110 10.2.3); null
	 * when absent or unreadable.
	 */
	public static Duration parseRetryAfter(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(text));
			}
			catch (NumberFormatException ex) {
				return LONGEST_RETRY_AFTER;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
