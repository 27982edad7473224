package dev.dmbot.server.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One JSON POST to a webhook the business configured (its CRM, its team chat), classified
 * the same way for every such webhook: 2xx is delivered; 408, 429, 5xx and no answer are
 * worth another try, after the peer's {@code Retry-After} when it sends one; any other
 * answer is final. Error messages name the peer and a redacted URL, never the URL's path
 * or query, which often hold a secret.
 */
public final class WebhookPost {

	private final HttpClient http;

	private final URI url;

	private final String peer;

	private final String redactedUrl;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * @param peer how error messages name the receiver, e.g. {@code the CRM}
	 * @param redactedUrl the URL as error messages may show it
	 */
	public WebhookPost(URI url, String peer, String redactedUrl, Duration timeout, Clock clock) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.url = url;
		this.peer = peer;
		this.redactedUrl = redactedUrl;
		this.timeout = timeout;
		this.clock = clock;
	}

	/** Posts {@code body} as JSON with these extra headers. */
	public Attempt post(byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json");
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = this.http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return Attempt.retry("no answer from " + this.peer + " (" + this.redactedUrl + "): "
					+ ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? " " + ex.getMessage() : ""), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Attempt.retry("interrupted while waiting for " + this.peer, null);
		}
		return classify(response.statusCode(), response.body(),
				response.headers().firstValue("Retry-After").orElse(null));
	}

	public Attempt classify(int status, String body, String retryAfter) {
		if (status >= 200 && status < 300) {
			return Attempt.DELIVERED;
		}
		String error = "HTTP " + status + " from " + this.peer + excerpt(body);
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
		return ": " + ((text.length() > 200) ? text.substring(0, 200) + "…" : text);
	}

	/**
	 * What one try came to.
	 *
	 * @param retryAfter the peer's {@code Retry-After}, or null
	 */
	public record Attempt(Outcome outcome, String error, Duration retryAfter) {

		static final Attempt DELIVERED = new Attempt(Outcome.DELIVERED, null, null);

		static Attempt retry(String error, Duration retryAfter) {
			return new Attempt(Outcome.RETRY, error, retryAfter);
		}

		static Attempt refused(String error) {
			return new Attempt(Outcome.REFUSED, error, null);
		}

	}

	public enum Outcome {

		DELIVERED, RETRY, REFUSED

	}

}
