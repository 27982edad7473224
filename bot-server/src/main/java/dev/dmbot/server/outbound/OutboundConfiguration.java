package dev.dmbot.server.outbound;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.Account;
import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.accounts.activity.AccountActivity;
import dev.dmbot.server.system.MetaProperties;

/**
 * Picks Meta's real Send API when an account has an access token, the recording sandbox
 * when none has (sandbox mode).
 */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutboundConfiguration.class);

	/** Where the Send API client takes each account's token from. */
	private final Accounts accounts;

	OutboundConfiguration(Accounts accounts) {
		this.accounts = accounts;
	}

	@Bean
	MessageSender messageSender(MetaProperties meta, OutboundProperties properties, UnifiedJedis redis, JsonMapper json,
			Clock clock) {
		if (this.accounts.all().stream().allMatch(Account::sandbox)) {
			log.info("Sandbox mode: no bot.meta.access-token set, so replies are recorded in Redis ({}) "
					+ "instead of being sent to Instagram", OutboundKeys.SANDBOX_OUTBOX);
			return new SandboxMessageSender(redis, json, clock);
		}
		return new GraphSendApiClient(meta.graphUrl(), this.accounts, properties, json);
	}

	@Bean
	OutboundDispatcher outboundDispatcher(MessageSender sender, SendRateLimiter rateLimiter, DeadLetters deadLetters,
			OutboundProperties properties, MeterRegistry meters, Clock clock, AccountActivity activity) {
		return new OutboundDispatcher(sender, rateLimiter, deadLetters, properties, meters, clock, activity);
	}

}
