package dev.dmbot.server.flows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * One question of a flow, one row of a Flows sheet.
 *
 * @param name the step's name, unique in its flow
 * @param slot the slot the answer fills
 * @param ask the question, {@code {{variables}}} not yet rendered
 * @param expect what kind of answer is accepted
 * @param options the choices of a {@link Expect#CHOICE} step, or suggestions of a
 * {@link Expect#TEXT} step; empty for none
 * @param min the lowest number or amount accepted, {@code null} for no bound
 * @param max the highest number or amount accepted, {@code null} for no bound
 * @param region the default region of a phone number without country code, e.g.
 * {@code PT}; {@code null} for the server's default
 * @param reask the text sent after an answer that is not accepted; {@code {{reason}}}
 * says why. {@code null} for the default
 * @param attempts how many answers are tried before the flow gives up
 * @param next where to go after this step; empty for the next step in the sheet
 * @param score the lead-score points this answer earns; empty for none
 * @param row the 1-based sheet row, for messages
 * @param nudgeAfter how long the question waits for an answer before {@code nudge} is
 * sent, {@code null} for no nudge
 * @param nudge the reminder sent when the question stays unanswered,
 * {@code {{variables}}} not yet rendered; {@code null} for none
 */
public record FlowStep(String name, String slot, String ask, Expect expect, List<Option> options, BigDecimal min,
		BigDecimal max, String region, String reask, int attempts, List<Route> next, List<Points> score, int row,
		Duration nudgeAfter, String nudge) {

	/** A step without a reminder. */
	public FlowStep(String name, String slot, String ask, Expect expect, List<Option> options, BigDecimal min,
			BigDecimal max, String region, String reask, int attempts, List<Route> next, List<Points> score, int row) {
		this(name, slot, ask, expect, options, min, max, region, reask, attempts, next, score, row, null, null);
	}

	/** The Next value that completes the flow. */
	public static final String DONE = "done";

	public FlowStep {
		options = List.copyOf(options);
		next = List.copyOf(next);
		score = List.copyOf(score);
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
		}
	}

	/** The points a value earns: the first condition it fits, 0 when none. */
	int points(String value) {
		return this.score.stream()
			.filter((p) -> p.when().matches(value))
			.mapToInt(Points::points)
			.findFirst()
			.orElse(0);
	}

}
