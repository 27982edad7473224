package dev.dmbot.server.outbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ice breakers and persistent menu of the live workbooks reach Meta's Messenger
 * Profile API.
 *
 * @param push whether a rules activation pushes them; off leaves whatever the account has
 * @param initialBackoff wait before the first retry of a failed push; doubled each time,
 * with jitter
 * @param maxBackoff longest wait between two tries (Meta allows about 10 profile calls
 * per 10 minutes)
 */
@ConfigurationProperties("bot.messenger-profile")
public record MessengerProfileProperties(@DefaultValue("true") boolean push,
		@DefaultValue("5s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff) {

	public MessengerProfileProperties {
		if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(
					"bot.messenger-profile.initial-backoff must be positive and not above max-backoff, but was "
							+ initialBackoff + " with max-backoff " + maxBackoff);
		}
	}

}
