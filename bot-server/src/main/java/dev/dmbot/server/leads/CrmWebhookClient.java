package dev.dmbot.server.leads;

import java.time.Clock;
import java.util.Map;

import dev.dmbot.server.system.WebhookPost;
import dev.dmbot.server.system.WebhookPost.Attempt;

/**
 * One POST of a signed lead to the CRM, classified as every webhook of the business is
 * ({@link WebhookPost}). Neither the secret nor the URL's path or query reaches an error
 * message.
 */
final class CrmWebhookClient {

	static final String DELIVERY_HEADER = "X-Dmbot-Delivery";

	private final WebhookPost webhook;

	private final PayloadSigner signer;

	CrmWebhookClient(LeadsProperties properties, Clock clock) {
		this.webhook = new WebhookPost(properties.webhookUrl(), "the CRM",
				LeadsProperties.redacted(properties.webhookUrl()), properties.requestTimeout(), clock);
		this.signer = new PayloadSigner(properties.webhookSecret());
	}

	Attempt post(String leadId, byte[] body) {
		return this.webhook.post(body, Map.of(PayloadSigner.HEADER, this.signer.sign(body), DELIVERY_HEADER, leadId));
	}

	Attempt classify(int status, String body, String retryAfter) {
		return this.webhook.classify(status, body, retryAfter);
	}

}
