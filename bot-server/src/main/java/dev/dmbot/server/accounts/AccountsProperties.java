package dev.dmbot.server.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the served accounts are looked up.
 *
 * @param rememberFor how long an instance keeps what it read of a connected account (or
 * that an account id is not connected): the webhook and the sends of a busy account then
 * cost Redis one read per account in that time, and an account connected on one instance
 * is served by every instance within it. {@code 0s} reads Redis every time.
 */
@ConfigurationProperties("bot.accounts")
public record AccountsProperties(@DefaultValue("5s") Duration rememberFor) {

	public AccountsProperties {
		if (rememberFor.isNegative()) {
			throw new IllegalArgumentException(
					"bot.accounts.remember-for must be zero or positive, such as 5s, but was " + rememberFor);
		}
	}

}
