package dev.dmbot.server.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.access.AccessProperties;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.system.MetaProperties;

/**
 * The embedded sandbox default (nothing configured): the Accounts page lists the sandbox
 * account, and the button is refused before anything is sent to Meta, naming each setting
 * a real account needs (its own admin token, the encryption key, the Instagram app id)
 * and how to make a key.
 */
// The embedded default as a newcomer starts it: the sandbox account, not the tests' one.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bot.meta.account-id=")
class SandboxAccountsIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theSandboxAccountIsListedAndConnectingSaysWhatToSetFirst() {
		HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/admin/accounts")).GET());

		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(list.body());
		assertThat(body.path("accounts").size()).isEqualTo(1);
		assertThat(body.path("accounts").path(0).path("id").asString()).isEqualTo(MetaProperties.SANDBOX_ACCOUNT_ID);
		assertThat(body.path("accounts").path(0).path("status").asString()).isEqualTo("sandbox");
		assertThat(body.path("connect").path("ready").asBoolean(true)).isFalse();
		assertThat(body.path("connect").path("redirectUri").asString())
			.isEqualTo("http://127.0.0.1:" + this.port + "/accounts/callback");

		HttpResponse<String> connect = send(
				HttpRequest.newBuilder(uri("/api/admin/accounts/connect")).POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(connect.statusCode()).isEqualTo(409);
		assertThat(connect.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(this.json.readTree(connect.body()).path("error").asString()).contains("bot.security.admin-token")
			.contains("bot.security.encryption-key")
			.contains("openssl rand -base64 32")
			.contains("bot.accounts.instagram-app-id");
	}

	@Test
	void theLoginsEndIsOpenButAnswersNothingWithoutAState() {
		HttpResponse<String> page = HttpCalls.send(this.http,
				HttpRequest.newBuilder(uri("/accounts/callback?code=anything")).GET());

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("data-outcome=\"STATE_REFUSED\"").contains("Nothing was stored.");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return HttpCalls.send(this.http,
				request.header("Authorization", "Bearer " + AccessProperties.SANDBOX_ADMIN_TOKEN));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
