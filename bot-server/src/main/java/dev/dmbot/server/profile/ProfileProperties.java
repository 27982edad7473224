package dev.dmbot.server.profile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the customer's Instagram profile is looked up and cached.
 *
 * @param enabled look profiles up at all (never in sandbox mode)
 * @param ttl how long a profile is kept in Redis and in memory
 * @param failureTtl how long a failed or empty lookup is remembered before Meta is asked
 * again, so a broken profile API is not called on every message
 * @param timeout time limit of one profile call; the reply waits at most this long
 */
@ConfigurationProperties("bot.profile")
public record ProfileProperties(@DefaultValue("true") boolean enabled, @DefaultValue("7d") Duration ttl,
		@DefaultValue("10m") Duration failureTtl, @DefaultValue("2s") Duration timeout) {

	public ProfileProperties {
		if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("bot.profile.ttl must be at least 1s, but was " + ttl);
		}
		if (failureTtl.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("bot.profile.failure-ttl must be at least 1s, but was " + failureTtl);
		}
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
			throw new IllegalArgumentException(
					"bot.profile.timeout must be more than 0 and at most 30s (the reply waits for it), but was "
							+ timeout);
		}
	}

}
