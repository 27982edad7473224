package dev.dmbot.server.accounts.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each account's activity is kept and watched.
 *
 * @param silenceAlertAfter an account that has received webhook events before and none
 * for this long is reported silent ({@code bot_account_silent} is 1): its webhook
 * subscription or its token may have stopped working
 * @param writeEvery the last-event and last-send times are written to Redis at most this
 * often per account and instance, so a busy account costs Redis nothing per DM; they are
 * at most this much behind
 */
@ConfigurationProperties("bot.accounts.activity")
public record AccountActivityProperties(@DefaultValue("24h") Duration silenceAlertAfter,
		@DefaultValue("10s") Duration writeEvery) {

	public AccountActivityProperties {
		if (silenceAlertAfter.isNegative() || silenceAlertAfter.isZero()) {
			throw new IllegalArgumentException(
					"bot.accounts.activity.silence-alert-after must be positive, such as 24h, but was "
							+ silenceAlertAfter);
		}
		if (writeEvery.isNegative()) {
			throw new IllegalArgumentException(
					"bot.accounts.activity.write-every must be zero or positive, such as 10s, but was " + writeEvery);
		}
	}

}
