package dev.dmbot.server.profile;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccessToken;
import dev.dmbot.server.accounts.Accounts;

/**
 * Meta's User Profile API: {@code GET {graph-url}/{igsid}?fields=name,username} with the
 * access token as a bearer token. One try with a short time limit: it is on the path of a
 * reply, and the reply has a default text to fall back on. The token never reaches a URL,
 * a log line or an exception message.
 */
class ProfileClient {

	private final RestClient http;

	private final URI graphUrl;

	private final Accounts accounts;

	private final JsonMapper json;

	private final Duration timeout;

	ProfileClient(URI graphUrl, Accounts accounts, Duration timeout, JsonMapper json) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(factory).build();
		this.graphUrl = graphUrl;
		this.accounts = accounts;
		this.json = json;
		this.timeout = timeout;
	}

	/**
	 * The profile of this customer of the account, asked for with the account's token.
	 * @throws ProfileLookupException when Meta does not give one: no answer in time, 4xx
	 * (no consent, unknown or blocked user) or 5xx
	 */
	Profile fetch(String accountId, String igsid) {
		AccessToken token = this.accounts.accessTokenOf(accountId)
			.orElseThrow(() -> new ProfileLookupException(0, "account " + accountId + " has no access token"));
		try {
			return this.http.get()
				.uri(this.graphUrl + "/{igsid}?fields=name,username", igsid)
				.header(HttpHeaders.AUTHORIZATION, token.bearer())
				.exchange((request, response) -> {
					byte[] answer = response.getBody().readAllBytes();
					int status = response.getStatusCode().value();
					JsonNode body = readTree(answer);
					if (status >= 200 && status < 300) {
						return new Profile(body.path("name").asString(null), body.path("username").asString(null));
					}
					throw new ProfileLookupException(status, "HTTP " + status + ": "
							+ body.path("error").path("message").asString("(no error message)"));
				});
		}
		catch (ProfileLookupException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ProfileLookupException(0,
					"no answer from Meta within " + this.timeout + " (" + ex.getClass().getSimpleName() + ")");
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

	/** Meta gave no profile; {@code status} 0 when it did not answer in time. */
	static final class ProfileLookupException extends RuntimeException {

		private final int status;

		ProfileLookupException(int status, String message) {
			super(message, null, false, false);
			this.status = status;
		}

		/**
		 * 400 or 404: this customer has no profile for us (no consent, unknown, blocked),
		 * not an outage.
		 */
		boolean refused() {
			return this.status == 400 || this.status == 404;
		}

	}

}
