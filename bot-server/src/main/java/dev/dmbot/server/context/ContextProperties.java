package dev.dmbot.server.context;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a sender's context is kept after their last event
 * @param logRetention how long a conversation's log (what was said, and why the bot
 * answered as it did) is kept after its last entry
 */
@ConfigurationProperties("bot.context")
public record ContextProperties(@DefaultValue("90d") Duration retention, @DefaultValue("90d") Duration logRetention) {

	public ContextProperties {
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"bot.context.retention must be at least 1d (the 24-hour window needs it), but was " + retention);
		}
		if (logRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"bot.context.log-retention must be at least 1d, but was " + logRetention);
		}
	}

}
