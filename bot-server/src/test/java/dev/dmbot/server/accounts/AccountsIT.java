package dev.dmbot.server.accounts;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.workbook.DecisionEngine;

/**
 * The configured account on the whole server: a signed DM for it is answered exactly as
 * before, with its token, from the rules and settings resolved for it; a DM addressed to
 * an account the server does not serve is acknowledged and answered by nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsIT {

	static final MetaApiStub meta = new MetaApiStub();

	static final String NOT_SERVED = "17841400000000999";

	static final String NOT_SERVED_SEND_PATH = "/v25.0/" + NOT_SERVED + "/messages";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.nlp.account-languages." + WebhookPayloads.ACCOUNT, () -> "pt");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountRules rules;

	@Autowired
	DecisionEngine engine;

	@Autowired
	UnifiedJedis redis;

	final JsonMapper json = JsonMapper.builder().build();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
		meta.server()
			.stubFor(post(urlPathEqualTo(NOT_SERVED_SEND_PATH)).atPriority(10)
				.willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"mid.from.meta\"}")));
	}

	@Test
	void theConfiguredAccountIsTheOneServed() {
		assertThat(this.accounts.all()).containsExactly(new Account(WebhookPayloads.ACCOUNT, null, false));
		assertThat(this.accounts.accessTokenOf(WebhookPayloads.ACCOUNT).orElseThrow().bearer())
			.isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
		assertThat(this.accounts.toString()).doesNotContain(MetaApiStub.ACCESS_TOKEN);
	}

	@Test
	void theConfiguredAccountIsAnsweredFromTheLiveRulesWithItsSettings() {
		assertThat(this.rules.rulesFor(WebhookPayloads.ACCOUNT)).isSameAs(this.engine.live());
		AccountSettings settings = this.rules.settingsOf(WebhookPayloads.ACCOUNT);
		GuardrailPolicy guardrails = GuardrailPolicy.of(this.engine.live());
		assertThat(settings.zone()).isEqualTo(guardrails.zone());
		assertThat(settings.dailySendCap()).isEqualTo(guardrails.dailyCap());
		assertThat(settings.quietHours()).isEqualTo(guardrails.quietHours());
		assertThat(settings.workingHours()).isEqualTo(EscalationPolicy.of(this.engine.live()).hours());
		assertThat(settings.defaultLanguage()).isEqualTo("pt");
		assertThat(this.rules.settingsOf(NOT_SERVED).defaultLanguage()).isEqualTo("en");

		assertThat(this.webhook.post(this.customer.textMessage("how much is shipping to Porto?")).statusCode())
			.isEqualTo(200);

		LoggedRequest sent = awaitSends(MetaApiStub.SEND_PATH).get(0);
		String expected = resource("/send-api/porto-shipping.json").replace("{{sender}}", this.customer.sender());
		assertThat(this.json.readTree(sent.getBodyAsString())).isEqualTo(this.json.readTree(expected));
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
		assertThat(this.redis.hgetAll(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender())))
			.containsEntry("lastIntent", "shipping")
			.containsEntry("inboundCount", "1");
	}

	@Test
	void aDmForAnAccountNotServedIsAcknowledgedAndAnsweredByNothing() {
		byte[] body = this.customer.textMessage("how much is shipping to Porto?")
			.json()
			.replace(WebhookPayloads.ACCOUNT, NOT_SERVED)
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.webhook.post(body).statusCode()).isEqualTo(200);
		// The same customer writing to the served account next: once that is answered,
		// the earlier event would have been too.
		this.webhook.post(this.customer.textMessage("thanks so much!"));
		awaitSends(MetaApiStub.SEND_PATH);

		assertThat(this.accounts.find(NOT_SERVED)).isEmpty();
		assertThat(sentOn(NOT_SERVED_SEND_PATH)).as("nothing sent for the account not served").isEmpty();
		assertThat(meta.sentTo(this.customer.sender())).hasSize(1);
		assertThat(this.redis.exists(ContextKeys.context(NOT_SERVED, this.customer.sender()))).isFalse();
	}

	private List<LoggedRequest> awaitSends(String path) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sentOn(path)).isNotEmpty());
		return sentOn(path);
	}

	private List<LoggedRequest> sentOn(String path) {
		return meta.server()
			.findAll(postRequestedFor(urlPathEqualTo(path))
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(this.customer.sender()))));
	}

	private static String resource(String path) {
		try (var in = AccountsIT.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
