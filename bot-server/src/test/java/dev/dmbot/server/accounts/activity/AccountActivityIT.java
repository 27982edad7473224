package dev.dmbot.server.accounts.activity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each account's activity as an operator reads it: a signed DM answered shows as the last
 * event and the last send, a send Meta refuses as a send error with Meta's code, and an
 * account that stops receiving events turns silent on the gauge and in the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + AccountActivityIT.ADMIN_TOKEN,
				"bot.accounts.activity.silence-alert-after=6h", "bot.accounts.activity.write-every=0s" })
@Import(MovableTime.class)
class AccountActivityIT {

	static final String ADMIN_TOKEN = "it-account-activity-admin-7Hq2";

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	MeterRegistry meters;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anAnsweredDmIsTheLastEventAndTheLastSendAndSilenceIsReportedOnceTheAccountStopsReceiving() {
		MovableClock movable = (MovableClock) this.clock;
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender())
			.at(movable.instant().toEpochMilli());
		long before = movable.millis();

		new WebhookClient(this.port, MetaApiStub.APP_SECRET)
			.post(customer.textMessage("how much is shipping to Porto?"));
		await().atMost(Duration.ofSeconds(10)).until(() -> meta.sentTo(customer.sender()).size() == 1);

		JsonNode account = await().atMost(Duration.ofSeconds(5))
			.until(this::servedAccount, (node) -> !node.path("lastReplySent").isNull());
		assertThat(account.path("lastEventReceived").isNull()).isFalse();
		assertThat(java.time.Instant.parse(account.path("lastEventReceived").asString()).toEpochMilli())
			.isGreaterThanOrEqualTo(before);
		assertThat(account.path("silent").asBoolean()).isFalse();
		assertThat(this.redis.hgetAll("bot:{" + WebhookPayloads.ACCOUNT + "}:activity")).containsKeys("received",
				"sent");

		movable.advance(Duration.ofHours(7));

		assertThat(servedAccount().path("silent").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.meters.get("bot.account.silent").tag("account", WebhookPayloads.ACCOUNT).gauge().value())
				.isEqualTo(1.0));

		WebhookPayloads later = WebhookPayloads.from(WebhookPayloads.newSender()).at(movable.millis());
		new WebhookClient(this.port, MetaApiStub.APP_SECRET).post(later.textMessage("hello"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(servedAccount().path("silent").asBoolean()).isFalse());
	}

	@Test
	void aSendMetaRefusesIsCountedWithItsCodeAndDescription() {
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender()).at(this.clock.millis());
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer.sender())))
				.willReturn(aResponse().withStatus(400)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"message\":\"The user isn't available\",\"type\":\"OAuthException\","
							+ "\"code\":551,\"error_subcode\":1545041}}")));
		long errorsBefore = servedAccount().path("sendErrors").asLong();

		new WebhookClient(this.port, MetaApiStub.APP_SECRET)
			.post(customer.textMessage("how much is shipping to Porto?"));

		JsonNode account = await().atMost(Duration.ofSeconds(10))
			.until(this::servedAccount, (node) -> node.path("sendErrors").asLong() == errorsBefore + 1);
		assertThat(account.path("lastSendError").path("code").asInt()).isEqualTo(551);
		assertThat(account.path("lastSendError").path("description").asString()).contains("isn't available");
		assertThat(account.toString()).doesNotContain(MetaApiStub.ACCESS_TOKEN);
	}

	@Test
	void theActivityApiIsForAdminsAndAnalystsOnly() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/accounts/activity"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private JsonNode servedAccount() {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/accounts/activity"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			for (JsonNode node : this.json.readTree(response.body())) {
				if (node.path("account").asString().equals(WebhookPayloads.ACCOUNT)) {
					return node;
				}
			}
			throw new AssertionError("account " + WebhookPayloads.ACCOUNT + " not listed: " + response.body());
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
