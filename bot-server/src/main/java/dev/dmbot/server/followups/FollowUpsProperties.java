package dev.dmbot.server.followups;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How follow-ups are sent.
 *
 * @param pollInterval how often each instance looks for follow-ups that fell due
 */
@ConfigurationProperties("bot.followups")
record FollowUpsProperties(@DefaultValue("5s") Duration pollInterval) {

	FollowUpsProperties {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("bot.followups.poll-interval must be positive, but was " + pollInterval);
		}
	}

}
