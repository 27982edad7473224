package dev.dmbot.server.workbook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a Replies row schedules for later, as its Follow up cell says: {@code 2
 * hours: Still thinking about it, {{first_name|there}}?}.
 *
 * @param delay how long after the customer's message it goes out; under
 * {@link #LONGEST_DELAY}, since it must land inside the 24-hour window
 * @param text the message, {@code {{variables}}} not yet rendered
 */
public record FollowUp(Duration delay, String text) {

	/**
	 * A follow-up must go out inside the 24-hour window that the customer's message
	 * opened, so it waits at most this long.
	 */
	public static final Duration LONGEST_DELAY = Duration.ofHours(23);

	public FollowUp {
		Objects.requireNonNull(delay, "delay");
		Objects.requireNonNull(text, "text");
	}

	/**
	 * Reads a Follow up cell: a length of time as the Flows sheet writes it, a colon, the
	 * text. Empty when the cell is not of that shape (no colon, no text, or a delay that
	 * is not a length of time); the delay's range is checked when the workbook loads.
	 */
	public static Optional<FollowUp> parse(String cell) {
		int colon = cell.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String text = cell.substring(colon + 1).strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		return CellSyntax.duration(cell.substring(0, colon)).map((delay) -> new FollowUp(delay, text));
	}

}
