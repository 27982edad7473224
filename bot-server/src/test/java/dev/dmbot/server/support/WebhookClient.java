package dev.dmbot.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.dmbot.server.system.MetaSignature;

/**
 * Posts deliveries to a running server's webhook the way Meta does: raw bytes, signed.
 */
public final class WebhookClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI webhook;

	private final String secret;

	public WebhookClient(int port, String secret) {
		this.webhook = URI.create("http://127.0.0.1:" + port + "/webhook");
		this.secret = secret;
	}

	public HttpResponse<String> post(WebhookPayloads.Delivery delivery) {
		return post(delivery.body());
	}

	public HttpResponse<String> post(byte[] body) {
		return post(body, MetaSignature.sign(this.secret.getBytes(StandardCharsets.UTF_8), body));
	}

	/** Posts with the given signature header, or none when it is {@code null}. */
	public HttpResponse<String> post(byte[] body, String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.webhook)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header(MetaSignature.HEADER, signature);
		}
		return send(request.build());
	}

	public HttpResponse<String> get(String query) {
		return send(HttpRequest.newBuilder(URI.create(this.webhook + "?" + query)).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
