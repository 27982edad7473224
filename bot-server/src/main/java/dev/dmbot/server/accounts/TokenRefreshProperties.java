package dev.dmbot.server.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the connected accounts' tokens are kept alive. A long-lived Instagram token lasts
 * 60 days and can be refreshed once it is 24 hours old; every instance looks every
 * {@code refreshEvery} and refreshes the tokens expiring within {@code refreshBefore},
 * one instance per token.
 *
 * @param refreshEvery how often each instance looks for tokens to refresh (the first look
 * is a minute after start, or sooner when this is shorter)
 * @param refreshBefore a token is refreshed once it expires within this time: with 30
 * days, a 60-day token is refreshed about monthly, and a failing refresh has weeks of
 * tries before the token lapses
 * @param refreshAttempts how many times one refresh calls Meta when it does not answer or
 * answers with a server error, before waiting for the next run
 * @param refreshBackoff the wait before the second call, doubled (with jitter) for each
 * further one
 * @param requestTimeout the time limit of one call to Meta (shared with the login)
 */
@ConfigurationProperties("bot.accounts")
public record TokenRefreshProperties(@DefaultValue("1h") Duration refreshEvery,
		@DefaultValue("30d") Duration refreshBefore, @DefaultValue("3") int refreshAttempts,
		@DefaultValue("5s") Duration refreshBackoff, @DefaultValue("10s") Duration requestTimeout) {

	/** Meta refreshes only tokens at least this old. */
	public static final Duration REFRESHABLE_AFTER = Duration.ofHours(24);

	/** How long Meta accepts a long-lived token, from its issue or last refresh. */
	public static final Duration TOKEN_LIFETIME = Duration.ofDays(60);

	public TokenRefreshProperties {
		if (refreshEvery.compareTo(Duration.ofSeconds(1)) < 0 || refreshEvery.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"bot.accounts.refresh-every must be between 1s and 1d, such as 1h, but was " + refreshEvery);
		}
		if (refreshBefore.compareTo(Duration.ofDays(1)) < 0 || refreshBefore.compareTo(TOKEN_LIFETIME) >= 0) {
			throw new IllegalArgumentException("bot.accounts.refresh-before must be at least 1d and less than the "
					+ "60 days a token lasts, such as 30d, but was " + refreshBefore);
		}
		if (refreshAttempts < 1 || refreshAttempts > 10) {
			throw new IllegalArgumentException(
					"bot.accounts.refresh-attempts must be between 1 and 10, but was " + refreshAttempts);
		}
		if (refreshBackoff.isNegative() || refreshBackoff.isZero()) {
			throw new IllegalArgumentException(
					"bot.accounts.refresh-backoff must be positive, such as 5s, but was " + refreshBackoff);
		}
		if (requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException(
					"bot.accounts.request-timeout must be positive, but was " + requestTimeout);
		}
	}

	/** The longest wait between two calls of one refresh. */
	Duration longestBackoff() {
		return this.refreshBackoff.multipliedBy(8);
	}

	/**
	 * The time limit of the lease an instance holds while refreshing one token: longer
	 * than every call and wait of the refresh, so no other instance starts the same
	 * refresh meanwhile.
	 */
	Duration leaseLimit() {
		return this.requestTimeout.plus(longestBackoff())
			.multipliedBy(this.refreshAttempts)
			.plus(Duration.ofSeconds(30));
	}

	/** The wait before the first run after start. */
	Duration firstRunAfter() {
		Duration minute = Duration.ofMinutes(1);
		return (this.refreshEvery.compareTo(minute) < 0) ? this.refreshEvery : minute;
	}

}
