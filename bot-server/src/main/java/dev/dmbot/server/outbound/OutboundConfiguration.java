package dev.dmbot.server.outbound;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.accounts.AccountConnections;
import dev.dmbot.server.accounts.activity.AccountActivity;
import dev.dmbot.server.system.MetaProperties;

/**
 * Picks Meta's real Send API when an account has an access token, the recording sandbox
 * when it has none (sandbox mode: the configured account and any other without a token).
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
		MessageSender graph = new GraphSendApiClient(meta.graphUrl(), this.accounts, properties, json);
		if (!meta.sandbox()) {
			return graph;
		}
		log.info("Sandbox mode: no bot.meta.access-token set, so replies are recorded in Redis ({}) "
				+ "instead of being sent to Instagram", OutboundKeys.SANDBOX_OUTBOX);
		// An account connected through the Accounts page has a token even in sandbox
		// mode:
		// its replies are really sent.
		return new PerAccountSender(this.accounts, new SandboxMessageSender(redis, json, clock), graph);
	}

	/** The sandbox for accounts without a token, Meta's Send API for the others. */
	private record PerAccountSender(Accounts accounts, MessageSender sandbox,
			MessageSender graph) implements MessageSender {

		@Override
		public String send(String accountId, Map<String, Object> body) {
			return senderOf(accountId).send(accountId, body);
		}

		@Override
		public String replyToComment(String accountId, String commentId, String message) {
			return senderOf(accountId).replyToComment(accountId, commentId, message);
		}

		private MessageSender senderOf(String accountId) {
			return this.accounts.answering(accountId).sandbox() ? this.sandbox : this.graph;
		}

	}

	@Bean
	OutboundDispatcher outboundDispatcher(MessageSender sender, SendRateLimiter rateLimiter, DeadLetters deadLetters,
			OutboundProperties properties, MeterRegistry meters, Clock clock, AccountActivity activity,
			AccountConnections connections) {
		return new OutboundDispatcher(sender, rateLimiter, deadLetters, properties, meters, clock, activity,
				connections);
	}

}
