package dev.dmbot.server.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;

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
 * Meta's Send API: {@code POST {graph-url}/{account-id}/messages} with the account's
 * access token as a bearer token; public replies to comments go to {@code POST
 * {graph-url}/{comment-id}/replies} the same way. The token is the one {@link Accounts}
 * gives for the account the message is sent from, and is only ever put in the
 * Authorization header, never in a URL, a log line or an exception message.
 */
final class GraphSendApiClient implements MessageSender {

	private final RestClient http;

	private final URI graphUrl;

	private final Accounts accounts;

	private final JsonMapper json;

	GraphSendApiClient(URI graphUrl, Accounts accounts, OutboundProperties properties, JsonMapper json) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(properties.requestTimeout());
		this.http = RestClient.builder().requestFactory(factory).build();
		this.graphUrl = graphUrl;
		this.accounts = accounts;
		this.json = json;
	}

	@Override
	public String send(String accountId, Map<String, Object> body) {
		return post(accountId, "/" + accountId + "/messages", body, "message_id");
	}

	@Override
	public String replyToComment(String accountId, String commentId, String message) {
		return post(accountId, "/" + commentId + "/replies", Map.of("message", message), "id");
	}

	private String post(String accountId, String path, Map<String, Object> body, String idField) {
		AccessToken token = this.accounts.accessTokenOf(accountId)
			.orElseThrow(() -> new IllegalStateException(
					"Account " + accountId + " has no access token: its replies are recorded, not sent"));
		try {
			return this.http.post()
				.uri(this.graphUrl + path)
				.header(HttpHeaders.AUTHORIZATION, token.bearer())
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.json.writeValueAsString(body))
				.exchange((request, response) -> {
					byte[] answer = response.getBody().readAllBytes();
					int status = response.getStatusCode().value();
					if (status >= 200 && status < 300) {
						return readTree(answer).path(idField).asString(null);
					}
					throw new SendApiException(error(status, answer), null);
				});
		}
		catch (ResourceAccessException ex) {
			throw new SendApiException(new MetaError(0, 0, 0, "no answer from Meta: " + ex.getMostSpecificCause()), ex);
		}
	}

	private MetaError error(int status, byte[] answer) {
		JsonNode error = readTree(answer).path("error");
		return new MetaError(status, error.path("code").asInt(0), error.path("error_subcode").asInt(0),
				error.path("message").asString("(no error message)"));
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
