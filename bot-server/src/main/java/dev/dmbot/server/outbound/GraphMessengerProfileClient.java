package dev.dmbot.server.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccessToken;
import dev.dmbot.server.accounts.Accounts;

/**
 * Meta's Messenger Profile API for Instagram: {@code POST
 * {graph-url}/{account-id}/messenger_profile?platform=instagram} with the account's
 * access token as a bearer token, never in the URL. Meta replaces the fields the body
 * names and leaves the others alone.
 */
final class GraphMessengerProfileClient {

	private final RestClient http;

	private final URI graphUrl;

	private final String accountId;

	private final Accounts accounts;

	private final JsonMapper json;

	GraphMessengerProfileClient(URI graphUrl, String accountId, Accounts accounts, Duration timeout, JsonMapper json) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(factory).build();
		this.graphUrl = graphUrl;
		this.accountId = accountId;
		this.accounts = accounts;
		this.json = json;
	}

	/** The account's token now: it may have been refreshed since the last push. */
	private AccessToken token() {
		return this.accounts.accessTokenOf(this.accountId)
			.orElseThrow(() -> new IllegalStateException("Account " + this.accountId + " has no access token"));
	}

	/**
	 * Sets the profile.
	 * @param body the JSON body, as {@code MessengerProfile.body()} shapes it
	 * @throws MessengerProfileException when Meta does not answer with success
	 */
	void push(String body) {
		try {
			this.http.post()
				.uri(this.graphUrl + "/" + this.accountId + "/messenger_profile?platform=instagram")
				.header(HttpHeaders.AUTHORIZATION, token().bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					byte[] answer = response.getBody().readAllBytes();
					int status = response.getStatusCode().value();
					if (status >= 200 && status < 300) {
						return null;
					}
					JsonNode error = readTree(answer).path("error");
					throw new MessengerProfileException(new MetaError(status, error.path("code").asInt(0),
							error.path("error_subcode").asInt(0), error.path("message").asString("(no error message)")),
							null);
				});
		}
		catch (ResourceAccessException ex) {
			throw new MessengerProfileException(
					new MetaError(0, 0, 0, "no answer from Meta: " + ex.getMostSpecificCause()), ex);
		}
	}

	private JsonNode readTree(byte[] answer) {
		try {
			return this.json.readTree(answer);
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

}
