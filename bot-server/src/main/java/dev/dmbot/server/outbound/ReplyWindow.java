package dev.dmbot.server.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How a person may still answer a customer, counted from the customer's last message:
 * within 24 hours as a normal reply, up to 7 days with Meta's {@code HUMAN_AGENT} tag,
 * later not at all. The bot itself only ever sends inside the 24 hours.
 */
public enum ReplyWindow {

	/** Within 24 hours: a normal reply. */
	STANDARD,

	/** 24 hours to 7 days: only a person's reply, tagged {@code HUMAN_AGENT}. */
	HUMAN_AGENT,

	/** More than 7 days (or the customer never wrote): Instagram takes no reply. */
	CLOSED;

	/** Meta's standard messaging window. */
	public static final Duration STANDARD_WINDOW = Duration.ofHours(24);

	/** How long after the customer's last message a human agent may still reply. */
	public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

	/** The window a person's reply falls in now. */
	public static ReplyWindow forAgent(Instant lastInboundAt, Instant now) {
		if (lastInboundAt == null) {
			return CLOSED;
		}
		if (!lastInboundAt.plus(STANDARD_WINDOW).isBefore(now)) {
			return STANDARD;
		}
		if (!lastInboundAt.plus(HUMAN_AGENT_WINDOW).isBefore(now)) {
			return HUMAN_AGENT;
		}
		return CLOSED;
	}

	/** {@code standard}, {@code human_agent}, {@code closed}: for metrics and logs. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
