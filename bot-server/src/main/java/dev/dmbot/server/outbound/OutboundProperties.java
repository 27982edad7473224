package dev.dmbot.server.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replies leave through Meta's Send API.
 *
 * @param maxSendsPerSecond calls per second per Instagram account, shared by all
 * instances (Meta allows 100)
 * @param maxAttempts tries of one call before it goes to the dead-letter stream
 * @param initialBackoff wait before the first retry; doubled each time, with jitter
 * @param maxBackoff longest wait between two tries
 * @param requestTimeout how long one call to Meta may take
 */
@ConfigurationProperties("bot.outbound")
public record OutboundProperties(@DefaultValue("100") int maxSendsPerSecond, @DefaultValue("5") int maxAttempts,
		@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
		@DefaultValue("10s") Duration requestTimeout) {

	public OutboundProperties {
		if (maxSendsPerSecond < 1) {
			throw new IllegalArgumentException(
					"bot.outbound.max-sends-per-second must be positive, but was " + maxSendsPerSecond);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("bot.outbound.max-attempts must be at least 1, but was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(
					"bot.outbound.initial-backoff must be positive and not above max-backoff, " + "but was "
							+ initialBackoff + " with max-backoff " + maxBackoff);
		}
	}

}
