package dev.dmbot.server.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.PermanentException;
import dev.dmbot.server.system.TransientException;

/**
 * Meta's refresh of a long-lived Instagram token: {@code GET
 * {graph}/refresh_access_token?grant_type=ig_refresh_token&access_token=<token>}, which
 * answers a new token valid 60 days from now.
 * <p>
 * Its failures say what Meta said and never carry the token: a message is written here,
 * not taken from an exception (the URL holds the token), and Meta's own words are cleared
 * of it.
 */
@Component
class TokenRefreshClient {

	private final HttpClient http;

	private final URI graphUrl;

	private final Duration timeout;

	private final JsonMapper json;

	@Autowired
	TokenRefreshClient(TokenRefreshProperties properties, MetaProperties meta, JsonMapper json) {
		this(meta.graphUrl(), properties.requestTimeout(), json);
	}

	TokenRefreshClient(URI graphUrl, Duration timeout, JsonMapper json) {
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
		this.graphUrl = graphUrl;
		this.timeout = timeout;
		this.json = json;
	}

	/**
	 * A new token in place of {@code token}.
	 * @throws Unavailable when Meta did not answer in time, or answered 5xx or 429
	 * @throws Refused when Meta refused the token
	 */
	Refreshed refresh(AccessToken token) {
		URI uri = URI.create(this.graphUrl + "/refresh_access_token?grant_type=ig_refresh_token&access_token="
				+ URLEncoder.encode(token.value(), StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			// Not the exception's text: it may repeat the URL, and the URL holds the
			// token.
			throw new Unavailable("Meta did not answer the token refresh (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable("The server was stopping during the token refresh");
		}
		JsonNode answer = read(response.body());
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			String value = answer.path("access_token").asString("");
			if (value.isEmpty()) {
				throw new Unavailable("Meta answered the token refresh without a token");
			}
			long expiresIn = answer.path("expires_in").asLong(0);
			return new Refreshed(AccessToken.of(value),
					(expiresIn > 0) ? Duration.ofSeconds(expiresIn) : TokenRefreshProperties.TOKEN_LIFETIME);
		}
		JsonNode error = answer.path("error");
		int code = error.path("code").asInt(answer.path("code").asInt(0));
		String said = error.path("message")
			.asString(answer.path("error_message").asString(""))
			.replace(token.value(), "[token]");
		String what = "Meta answered HTTP " + status + " to the token refresh"
				+ (said.isEmpty() ? "" : ": \"" + said + "\"") + ((code != 0) ? " (code " + code + ")" : "");
		if (status >= 500 || status == 429) {
			throw new Unavailable(what);
		}
		throw new Refused(what, code == 190 || code == 10 || (code >= 200 && code <= 299));
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree((body == null || body.isEmpty()) ? "{}" : body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

	/** A new token and how long Meta accepts it. */
	record Refreshed(AccessToken token, Duration expiresIn) {
	}

	/** Meta did not answer, or answered a server error: try again later. */
	static final class Unavailable extends TransientException {

		Unavailable(String message) {
			super(message, null);
		}

	}

	/**
	 * Meta refused the token. {@link #tokenLost()} when the refusal means the token will
	 * never work again (code 190: expired, revoked, password changed; codes 10 and
	 * 200-299: a permission was removed).
	 */
	static final class Refused extends PermanentException {

		private final boolean tokenLost;

		Refused(String message, boolean tokenLost) {
			super(message, null);
			this.tokenLost = tokenLost;
		}

		boolean tokenLost() {
			return this.tokenLost;
		}

	}

}
