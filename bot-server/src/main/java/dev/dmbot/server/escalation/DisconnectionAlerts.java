package dev.dmbot.server.escalation;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccountDisconnected;
import dev.dmbot.server.system.ClaimWorkers;
import dev.dmbot.server.system.WebhookPost;

/**
 * Tells people through {@code bot.escalation.notify-url} (when set) that an account was
 * disconnected, since nobody answers its customers until someone connects it again. One
 * POST, off the sending thread, tried once: the error log and the metric
 * {@code bot.account.disconnected} stay when the webhook is down.
 */
@Component
class DisconnectionAlerts implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DisconnectionAlerts.class);

	private final NotifyWebhookClient client;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(ClaimWorkers.threads("disconnection-alerts-"));

	DisconnectionAlerts(EscalationProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
		this.client = properties.notifies()
				? new NotifyWebhookClient(properties.notifyUrl(), properties.notifyTimeout(), clock) : null;
		this.json = json;
		this.meters = meters;
	}

	@EventListener
	void disconnected(AccountDisconnected disconnection) {
		if (this.client == null) {
			return;
		}
		byte[] body = this.json.writeValueAsBytes(Map.of("text", text(disconnection)));
		this.executor.execute(() -> post(disconnection, body));
	}

	static String text(AccountDisconnected disconnection) {
		return "Instagram account " + ((disconnection.username() != null)
				? "@" + disconnection.username() + " (" + disconnection.accountId() + ")" : disconnection.accountId())
				+ " is disconnected: Meta refused its access token (" + disconnection.reason() + ").\n"
				+ "Its messages are kept and answered once it is connected again. To connect it, "
				+ disconnection.whatToDo() + ".";
	}

	private void post(AccountDisconnected disconnection, byte[] body) {
		try {
			WebhookPost.Attempt attempt = this.client.post(body);
			this.meters.counter("bot.accounts.disconnection.alerts", "outcome", attempt.outcome().name().toLowerCase())
				.increment();
			if (attempt.outcome() != WebhookPost.Outcome.DELIVERED) {
				log.warn("The notification webhook was not told that account {} is disconnected: {}",
						disconnection.accountId(), attempt.error());
			}
		}
		catch (RuntimeException ex) {
			log.warn("The notification webhook was not told that account {} is disconnected: {}",
					disconnection.accountId(), ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
