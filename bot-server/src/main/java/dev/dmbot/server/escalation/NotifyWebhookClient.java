package dev.dmbot.server.escalation;

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
 * One POST of a notification to the incoming webhook, classified: 2xx is delivered; 408,
 * 429, 5xx and no answer are worth another try; any other answer is final. The URL's path
 * (which holds the webhook's secret) never reaches an error message.
 */
final class NotifyWebhookClient {

	private final HttpClient http;

	private final URI url;

	private final Duration timeout;

	private final Clock clock;

	NotifyWebhookClient(URI url, Duration timeout, Clock clock) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.url = url;
		this.timeout = timeout;
		this.clock = clock;
	}

	Attempt post(byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return Attempt.retry("no answer from the notification webhook (" + EscalationProperties.redacted(this.url)
					+ "): " + ex.getClass().getSimpleName(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Attempt.retry("interrupted while waiting for the notification webhook", null);
		}
		return classify(response.statusCode(), response.body(),
				response.headers().firstValue("Retry-After").orElse(null));
	}

	Attempt classify(int status, String body, String retryAfter) {
		if (status >= 200 && status < 300) {
			return Attempt.DELIVERED;
		}
		String error = "HTTP " + status + " from the notification webhook" + excerpt(body);
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

	/** What one try came to. */
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
