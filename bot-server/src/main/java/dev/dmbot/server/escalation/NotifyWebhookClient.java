package dev.dmbot.server.escalation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.dmbot.server.system.WebhookPost;
import dev.dmbot.server.system.WebhookPost.Attempt;

/**
 * One POST of a notification to the incoming webhook, classified as every webhook of the
 * business is ({@link WebhookPost}). The URL's path (which holds the webhook's secret)
 * never reaches an error message.
 */
final class NotifyWebhookClient {

	private final WebhookPost webhook;

	NotifyWebhookClient(URI url, Duration timeout, Clock clock) {
		this.webhook = new WebhookPost(url, "the notification webhook", EscalationProperties.redacted(url), timeout,
				clock);
	}

	Attempt post(byte[] body) {
		return this.webhook.post(body, Map.of());
	}

	Attempt classify(int status, String body, String retryAfter) {
		return this.webhook.classify(status, body, retryAfter);
	}

}
