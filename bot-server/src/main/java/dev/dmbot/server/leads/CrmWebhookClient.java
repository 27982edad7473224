package dev.dmbot.server.leads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import dev.dmbot.server.system.DeliveryBackoff;

/**
 * One POST of a signed lead to the CRM, classified: 2xx is delivered; 408, 429, 5xx and
 * no answer are worth another try; any other answer is final. Neither the secret nor the
 * URL's path or query reaches an error message.
 */
final class CrmWebhookClient {

	static final String DELIVERY_HEADER = "X-Dmbot-Delivery";

	private final HttpClient http;

	private final URI url;

	private final PayloadSigner signer;

	private final Duration timeout;

	private final Clock clock;

	CrmWebhookClient(LeadsProperties properties, Clock clock) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.url = properties.webhookUrl();
		this.signer = new PayloadSigner(properties.webhookSecret());
		this.timeout = properties.requestTimeout();
		this.clock = clock;
	}

	Attempt post(String leadId, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header(PayloadSigner.HEADER, this.signer.sign(body))
			.header(DELIVERY_HEADER, leadId)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return Attempt.retry(
					"no answer from the CRM (" + LeadsProperties.redacted(this.url) + "): "
							+ ex.getClass().getSimpleName() + (ex.getMessage() != null ? " " + ex.getMessage() : ""),
					null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Attempt.retry("interrupted while waiting for the CRM", null);
		}
		return classify(response.statusCode(), response.body(),
				response.headers().firstValue("Retry-After").orElse(null));
	}

	Attempt classify(int status, String body, String retryAfter) {
		if (status >= 200 && status < 300) {
			return Attempt.DELIVERED;
		}
		String error = "HTTP " + status + " from the CRM" + excerpt(body);
		if (status == 408 || status == 429 || status >= 500) {
			return Attempt.retry(error, DeliveryBackoff.parseRetryAfter(retryAfter, this.clock));
		}
		return Attempt.refused(error);
	}

	private static String excerpt(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String text = body.strip().replaceAll("\\s+", " ");
		return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
	}

	/**
	 * What one try came to.
	 *
	 * @param retryAfter the CRM's {@code Retry-After}, or null
	 */
	record Attempt(Outcome outcome, String error, Duration retryAfter) {

		static final Attempt DELIVERED = new Attempt(Outcome.DELIVERED, null, null);

		static Attempt retry(String error, Duration retryAfter) {
			return new Attempt(Outcome.RETRY, error, retryAfter);
		}

		static Attempt refused(String error) {
			return new Attempt(Outcome.REFUSED, error, null);
		}

	}

	enum Outcome {

		DELIVERED, RETRY, REFUSED

	}

}
