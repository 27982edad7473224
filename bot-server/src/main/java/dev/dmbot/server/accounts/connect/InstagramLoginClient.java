package dev.dmbot.server.accounts.connect;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccessToken;
import dev.dmbot.server.system.MetaProperties;

/**
 * The calls of Business Login for Instagram: code to short-lived token
 * ({@code POST <token-url>}), short to long-lived token ({@code GET
 * {graph}/access_token?grant_type=ig_exchange_token}), who the account is ({@code GET
 * {graph}/me}), and its webhook subscription ({@code POST} and {@code GET
 * {graph}/me/subscribed_apps}).
 * <p>
 * Every failure becomes a {@link LoginFailedException} whose details are written here,
 * from Meta's error message and the step, never from an exception's text: a URL here may
 * carry a token or the app secret.
 */
@Component
class InstagramLoginClient {

	private final HttpClient http;

	private final LoginProperties properties;

	private final URI graphUrl;

	private final JsonMapper json;

	InstagramLoginClient(LoginProperties properties, MetaProperties meta, JsonMapper json) {
		this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
		this.properties = properties;
		this.graphUrl = meta.graphUrl();
		this.json = json;
	}

	/** Step 2: the authorization code for a short-lived token. */
	ShortLivedToken exchangeCode(String appId, String appSecret, URI redirectUri, String code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("client_id", appId);
		form.put("client_secret", appSecret);
		form.put("grant_type", "authorization_code");
		form.put("redirect_uri", redirectUri.toString());
		form.put("code", code);
		HttpRequest request = request(this.properties.tokenUrl())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		JsonNode answer = call("exchanging the authorization code", request, LoginFailure.CODE_REFUSED);
		// Meta's documentation shows the answer both bare and wrapped in "data".
		JsonNode token = answer.path("data").isArray() ? answer.path("data").path(0) : answer;
		String value = token.path("access_token").asString("");
		if (value.isEmpty()) {
			throw LoginFailure.META_REFUSED.because("Meta's answer to the code exchange held no access token.");
		}
		return new ShortLivedToken(value, token.path("user_id").asString(null), list(token.path("permissions")));
	}

	/** Step 3: the short-lived token for a long-lived one (60 days). */
	LongLivedToken exchangeForLongLived(String appSecret, ShortLivedToken shortLived) {
		URI uri = URI.create(this.graphUrl + "/access_token?" + encode(Map.of("grant_type", "ig_exchange_token",
				"client_secret", appSecret, "access_token", shortLived.value())));
		JsonNode answer = call("exchanging for a long-lived token", request(uri).GET().build(),
				LoginFailure.META_REFUSED);
		String value = answer.path("access_token").asString("");
		long expiresIn = answer.path("expires_in").asLong(0);
		if (value.isEmpty() || expiresIn <= 0) {
			throw LoginFailure.META_REFUSED
				.because("Meta's answer to the long-lived token exchange held no token or no expiry.");
		}
		return new LongLivedToken(AccessToken.of(value), Duration.ofSeconds(expiresIn));
	}

	/** Step 5: who the account is. */
	Profile me(AccessToken token) {
		JsonNode answer = call("reading the account",
				request(URI.create(this.graphUrl + "/me?fields=user_id,username"))
					.header("Authorization", token.bearer())
					.GET()
					.build(),
				LoginFailure.META_REFUSED);
		String userId = answer.path("user_id").asString("");
		if (userId.isEmpty()) {
			throw LoginFailure.META_REFUSED.because("Meta's answer about the account held no user_id.");
		}
		return new Profile(userId, answer.path("username").asString(null));
	}

	/** Step 6: subscribes the account to the app's webhook fields. */
	void subscribe(AccessToken token, List<String> fields) {
		URI uri = URI.create(this.graphUrl + "/me/subscribed_apps?subscribed_fields="
				+ URLEncoder.encode(String.join(",", fields), StandardCharsets.UTF_8));
		JsonNode answer = call("subscribing the account to the webhook",
				request(uri).header("Authorization", token.bearer()).POST(HttpRequest.BodyPublishers.noBody()).build(),
				LoginFailure.SUBSCRIPTION_NOT_CONFIRMED);
		if (!answer.path("success").asBoolean(false)) {
			throw LoginFailure.SUBSCRIPTION_NOT_CONFIRMED
				.because("Meta answered the subscription without \"success\": true (it answered " + answer + ").");
		}
	}

	/** Step 6, checked: the fields Meta says the account is subscribed to. */
	Set<String> subscribedFields(AccessToken token) {
		JsonNode answer = call("checking the webhook subscription",
				request(URI.create(this.graphUrl + "/me/subscribed_apps")).header("Authorization", token.bearer())
					.GET()
					.build(),
				LoginFailure.SUBSCRIPTION_NOT_CONFIRMED);
		Set<String> fields = new LinkedHashSet<>();
		JsonNode apps = answer.path("data");
		for (int i = 0; i < apps.size(); i++) {
			fields.addAll(list(apps.path(i).path("subscribed_fields")));
		}
		return fields;
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(this.properties.requestTimeout())
			.header("Accept", "application/json");
	}

	/**
	 * Sends and reads the JSON answer; a 4xx answer is {@code refused} (a permission
	 * error is {@link LoginFailure#PERMISSION_MISSING}), a 5xx or 429 or no answer
	 * {@link LoginFailure#META_UNAVAILABLE}.
	 */
	private JsonNode call(String step, HttpRequest request, LoginFailure refused) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			// Not the exception's text: it may repeat the URL.
			throw LoginFailure.META_UNAVAILABLE
				.because("Meta did not answer while " + step + " (" + ex.getClass().getSimpleName() + ").");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw LoginFailure.META_UNAVAILABLE.because("The server was stopping while " + step + ".");
		}
		JsonNode answer = read(response.body());
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return answer;
		}
		MetaError error = MetaError.of(status, answer);
		if (status >= 500 || status == 429) {
			throw LoginFailure.META_UNAVAILABLE
				.because("Meta answered HTTP " + status + " while " + step + error.said());
		}
		if (error.isPermission()) {
			throw LoginFailure.PERMISSION_MISSING
				.because("Meta refused " + step + " for lack of a permission" + error.said());
		}
		throw refused.because("Meta answered HTTP " + status + " while " + step + error.said());
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree(body == null || body.isEmpty() ? "{}" : body);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

	private static List<String> list(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				values.add(node.path(i).asString());
			}
		}
		else if (node.isString()) {
			for (String value : node.asString().split(",")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
		}
		return values;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** A short-lived token, which never leaves the login. */
	record ShortLivedToken(String value, String userId, List<String> permissions) {

		@Override
		public String toString() {
			return "ShortLivedToken[redacted, userId=" + this.userId + ", permissions=" + this.permissions + "]";
		}

	}

	/** A long-lived token and how long Meta accepts it. */
	record LongLivedToken(AccessToken token, Duration expiresIn) {
	}

	/** The account the token is for. */
	record Profile(String userId, String username) {
	}

	/** Meta's error answer, in either of its shapes. */
	private record MetaError(int code, String type, String message) {

		static MetaError of(int status, JsonNode answer) {
			JsonNode error = answer.path("error");
			if (error.isObject()) {
				// Graph API: {"error": {"message", "type", "code", "error_subcode"}}
				return new MetaError(error.path("code").asInt(0), error.path("type").asString(""),
						error.path("message").asString(""));
			}
			// The OAuth endpoints: {"error_type", "code", "error_message"}, or
			// {"error": "...", "error_description": "..."}.
			String message = answer.path("error_message").asString(answer.path("error_description").asString(""));
			return new MetaError(answer.path("code").asInt(0),
					answer.path("error_type").asString(answer.path("error").asString("")), message);
		}

		/** Codes 10 and 200-299: a permission is missing. */
		boolean isPermission() {
			return this.code == 10 || (this.code >= 200 && this.code <= 299);
		}

		/** ": <Meta's message> (code n)", or "." when Meta said nothing. */
		String said() {
			if (this.message.isEmpty()) {
				return ".";
			}
			return ": \"" + this.message + "\"" + (this.code != 0 ? " (code " + this.code + ")" : "") + ".";
		}

	}

}
