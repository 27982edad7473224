package dev.dmbot.server.conversation;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.dmbot.server.flows.FlowEngine;

/**
 * How flows read what customers write.
 *
 * @param zone the business's time zone, in which "tomorrow" is read
 * @param phoneRegion the ISO 3166 country of phone numbers written without +
 * @param currency the ISO 4217 currency of amounts written without one
 */
@ConfigurationProperties("bot.flows")
record FlowsProperties(ZoneId zone, String phoneRegion, String currency) {

	FlowsProperties {
		zone = (zone != null) ? zone : FlowEngine.DEFAULT_ZONE;
		phoneRegion = (phoneRegion != null) ? phoneRegion.toUpperCase(Locale.ROOT) : FlowEngine.DEFAULT_PHONE_REGION;
		currency = (currency != null) ? currency.toUpperCase(Locale.ROOT) : FlowEngine.DEFAULT_CURRENCY;
		if (!java.util.Arrays.asList(Locale.getISOCountries()).contains(phoneRegion)) {
			throw new IllegalArgumentException(
					"bot.flows.phone-region must be a two-letter ISO 3166 country code such as PT, but was '"
							+ phoneRegion + "'");
		}
		try {
			Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"bot.flows.currency must be an ISO 4217 code such as EUR, but was '" + currency + "'");
		}
	}

}
