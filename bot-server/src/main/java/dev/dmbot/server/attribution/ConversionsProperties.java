package dev.dmbot.server.attribution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param attributionWindow how long after the bot's last reply a conversion is still
 * credited to it
 * @param recentKept how many recent conversions per account {@code GET
 * /api/conversions} lists
 * @param retention how long a recorded conversion is kept (the totals it was credited to
 * stay)
 */
@ConfigurationProperties("bot.conversions")
public record ConversionsProperties(@DefaultValue("7d") Duration attributionWindow,
		@DefaultValue("1000") int recentKept, @DefaultValue("365d") Duration retention) {

	public ConversionsProperties {
		if (attributionWindow.isNegative() || attributionWindow.isZero()) {
			throw new IllegalArgumentException(
					"bot.conversions.attribution-window must be positive, but was " + attributionWindow);
		}
		if (recentKept < 1) {
			throw new IllegalArgumentException("bot.conversions.recent-kept must be at least 1, but was " + recentKept);
		}
		if (retention.compareTo(attributionWindow) < 0) {
			throw new IllegalArgumentException("bot.conversions.retention must be at least the attribution window ("
					+ attributionWindow + "), but was " + retention);
		}
	}

}
