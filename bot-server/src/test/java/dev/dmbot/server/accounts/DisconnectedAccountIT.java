package dev.dmbot.server.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import dev.dmbot.server.intake.StreamKeys;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, "Stay connected": Meta refusing the configured account's token (code 190)
 * disconnects it, the notification webhook hears of it, the DMs that keep coming are
 * stored and held without a Send API call, and a start-up with another token answers
 * them, except one older than Meta's 24 hours, which is counted as window closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableTime.class)
class DisconnectedAccountIT {

	static final String ACCOUNT = WebhookPayloads.ACCOUNT;

	static final String NOTIFY_PATH = "/services/T000/B000/disconnect-secret-path";

	static final String TOKEN_EXPIRED = "{\"error\":{\"message\":\"Error validating access token: Session has "
			+ "expired on Tuesday\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,"
			+ "\"fbtrace_id\":\"AbC\"}}";

	static final String CONNECTED = "17841400000000123";

	static final String CONNECTED_SEND_PATH = "/v25.0/" + CONNECTED + "/messages";

	static final String KEY = TokenCipherTest.newKey();

	static final MetaApiStub meta = new MetaApiStub();

	static final WireMockServer slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		slack.start();
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).willReturn(ok("ok")));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.escalation.notify-url", () -> slack.baseUrl() + NOTIFY_PATH);
		registry.add("bot.security.encryption-key", () -> KEY);
	}

	@AfterAll
	static void stopSlack() {
		slack.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MovableClock clock;

	@Autowired
	AccountConnections connections;

	@Autowired
	ConnectedAccounts accounts;

	final JsonMapper json = JsonMapper.builder().build();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
	}

	@AfterEach
	void connectedAgainForTheNextTest() {
		this.redis.del(AccountKeys.REFUSED_PREFIX + ACCOUNT, StreamKeys.held(ACCOUNT));
		this.redis.srem(AccountKeys.REFUSED_IDS, ACCOUNT);
		this.redis.del(AccountKeys.account(CONNECTED), StreamKeys.held(CONNECTED));
		this.redis.srem(AccountKeys.IDS, CONNECTED);
		this.connections.reread();
	}

	@Test
	void aRefusedTokenDisconnectsTheAccountHoldsItsMessagesAndAnswersThemWhenTheTokenIsReplaced() {
		StubMapping refused = meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(containing(this.customer.sender()))
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody(TOKEN_EXPIRED)));
		double closedBefore = count("bot.replies", "outcome", "window_closed");

		this.webhook.post(this.customer.at(this.clock.millis()).textMessage("how much is shipping to Porto?"));

		await().atMost(Duration.ofSeconds(15)).until(() -> disconnectedGauge() == 1.0);
		assertThat(this.connections.isDisconnected(ACCOUNT)).isTrue();
		Map<String, String> record = this.redis.hgetAll(AccountKeys.REFUSED_PREFIX + ACCOUNT);
		assertThat(record).containsEntry("fingerprint", AccountConnections.fingerprint(MetaApiStub.ACCESS_TOKEN))
			.containsKeys("at", "reason");
		assertThat(record.get("reason")).contains("code 190");
		assertThat(record.values()).noneMatch((value) -> value.contains(MetaApiStub.ACCESS_TOKEN));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !slack.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH))).isEmpty());
		String alert = slack.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH))).get(0).getBodyAsString();
		assertThat(alert).contains(ACCOUNT, "disconnected", "bot.meta.access-token")
			.doesNotContain(MetaApiStub.ACCESS_TOKEN);

		// Still stored and held, nothing sent: one a day old by the time it is answered,
		// one recent.
		this.webhook.post(this.customer.at(this.clock.millis()).textMessage("asdkjh qwe zzz"));
		this.clock.advance(Duration.ofHours(23));
		this.webhook.post(this.customer.at(this.clock.millis()).textMessage("how much is shipping to Porto?"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.redis.xlen(StreamKeys.held(ACCOUNT)) == 2);
		assertThat(meta.sentTo(this.customer.sender())).hasSize(1);

		// The server starts with another token: the configured account is connected
		// again.
		meta.server().removeStub(refused);
		this.clock.advance(Duration.ofHours(2));
		this.redis.hset(AccountKeys.REFUSED_PREFIX + ACCOUNT, "fingerprint", AccountConnections.fingerprint("old"));
		this.connections.checkConfiguredToken();

		await().atMost(Duration.ofSeconds(15)).until(() -> meta.sentTo(this.customer.sender()).size() == 2);
		List<LoggedRequest> sent = meta.sentTo(this.customer.sender());
		JsonNode answer = this.json.readTree(sent.get(1).getBodyAsString());
		assertThat(answer.path("recipient").path("id").asString()).isEqualTo(this.customer.sender());
		assertThat(answer.path("message").path("text").asString()).containsIgnoringCase("Porto");
		assertThat(sent.get(1).getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("bot.replies", "outcome", "window_closed") == closedBefore + 1);
		assertThat(this.redis.xlen(StreamKeys.held(ACCOUNT))).isZero();
		assertThat(disconnectedGauge()).isZero();
		assertThat(this.redis.exists(AccountKeys.REFUSED_PREFIX + ACCOUNT)).isFalse();
		assertThat(count("bot.intake.events", "outcome", "held")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aConnectedAccountRefusedByMetaIsHeldUntilItsOwnerLogsInAgain() {
		this.accounts.save(connected("IGAAconnected-token-lapsed"));
		StubMapping refused = meta.server()
			.stubFor(post(urlPathEqualTo(CONNECTED_SEND_PATH)).atPriority(1)
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/json")
					.withBody(TOKEN_EXPIRED)));
		int alertsBefore = slack.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH))).size();

		this.webhook
			.post(toConnected(this.customer.at(this.clock.millis()).textMessage("how much is shipping to Porto?")));

		await().atMost(Duration.ofSeconds(15)).until(() -> this.connections.isDisconnected(CONNECTED));
		AccountDetails stored = this.accounts.details(CONNECTED).orElseThrow();
		assertThat(stored.status()).isEqualTo(AccountStatus.DISCONNECTED);
		assertThat(stored.disconnectedReason()).contains("code 190");
		assertThat(disconnectedGauge(CONNECTED)).isEqualTo(1.0);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> slack.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH))).size() == alertsBefore + 1);
		assertThat(slack.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH))).get(alertsBefore).getBodyAsString())
			.contains("@lumen.porto", "Connect an Instagram account");

		this.webhook
			.post(toConnected(this.customer.at(this.clock.millis()).textMessage("how much is shipping to Porto?")));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.redis.xlen(StreamKeys.held(CONNECTED)) == 1);
		assertThat(meta.server().findAll(postRequestedFor(urlPathEqualTo(CONNECTED_SEND_PATH)))).hasSize(1);

		// The owner logs in again: the login stores the account and says so.
		meta.server().removeStub(refused);
		meta.server()
			.stubFor(post(urlPathEqualTo(CONNECTED_SEND_PATH)).atPriority(1)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"recipient_id\":\"1\",\"message_id\":\"mid.after.login\"}")));
		this.accounts.save(connected("IGAAconnected-token-fresh"));
		this.connections.connectedAgain(CONNECTED);

		await().atMost(Duration.ofSeconds(15))
			.until(() -> meta.server().findAll(postRequestedFor(urlPathEqualTo(CONNECTED_SEND_PATH))).size() == 2);
		LoggedRequest answer = meta.server().findAll(postRequestedFor(urlPathEqualTo(CONNECTED_SEND_PATH))).get(1);
		assertThat(answer.getHeader("Authorization")).isEqualTo("Bearer IGAAconnected-token-fresh");
		JsonNode body = this.json.readTree(answer.getBodyAsString());
		assertThat(body.path("recipient").path("id").asString()).isEqualTo(this.customer.sender());
		assertThat(body.path("message").path("text").asString()).containsIgnoringCase("Porto");
		assertThat(this.redis.xlen(StreamKeys.held(CONNECTED))).isZero();
		assertThat(disconnectedGauge(CONNECTED)).isZero();
	}

	ConnectedAccount connected(String token) {
		return new ConnectedAccount(CONNECTED, "lumen.porto", AccessToken.of(token),
				this.clock.instant().plus(Duration.ofDays(60)), this.clock.instant(), "maria", AccountStatus.CONNECTED,
				List.of("messages"));
	}

	static byte[] toConnected(WebhookPayloads.Delivery delivery) {
		return delivery.json().replace(ACCOUNT, CONNECTED).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	double disconnectedGauge() {
		return disconnectedGauge(ACCOUNT);
	}

	double disconnectedGauge(String account) {
		Gauge gauge = this.meters.find("bot.account.disconnected").tag("account", account).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	double count(String name, String tag, String value) {
		Counter counter = this.meters.find(name).tag(tag, value).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
