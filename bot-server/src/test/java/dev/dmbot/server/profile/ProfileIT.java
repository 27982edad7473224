package dev.dmbot.server.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.context.ContextKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personalisation on real parts: the customer's profile from a fake Meta, cached in a
 * real redis-server, rendered into the exact Send API call; and attributes pushed through
 * the contacts API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + ProfileIT.ADMIN_TOKEN, "bot.profile.timeout=500ms" })
class ProfileIT {

	static final String ADMIN_TOKEN = "it-profile-admin-token-4kQz8";

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
	}

	@Test
	void greetingUsesTheFirstNameFromTheProfileAndTheProfileIsAskedForOnce() {
		serveProfile(okJson(anaCosta()));

		assertThat(this.webhook.post(this.customer.textMessage("hi")).statusCode()).isEqualTo(200);

		LoggedRequest sent = awaitSends(1).get(0);
		String expected = resource("/send-api/greeting-ana.json").replace("{{sender}}", this.customer.sender());
		assertThat(this.json.readTree(sent.getBodyAsString())).isEqualTo(this.json.readTree(expected));
		LoggedRequest profileCall = profileCalls().get(0);
		assertThat(profileCall.getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
		assertThat(profileCall.queryParameter("fields").firstValue()).isEqualTo("name,username");
		assertThat(context()).containsEntry("attr.first_name", "Ana").containsEntry("attr.username", "ana.costa");

		this.webhook.post(this.customer.textMessage("hello!"));

		awaitSends(2);
		assertThat(profileCalls()).hasSize(1);
	}

	@Test
	void profileCachedInRedisIsNotAskedForAgainAfterTheContextLostIt() {
		serveProfile(okJson(anaCosta()));
		this.webhook.post(this.customer.textMessage("hi"));
		awaitSends(1);
		this.redis.del(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()));

		this.webhook.post(this.customer.textMessage("hi"));

		assertThat(textOf(awaitSends(2).get(1))).startsWith("Olá Ana!");
		assertThat(profileCalls()).hasSize(1);
		assertThat(this.redis.ttl(ProfileKeys.profile(WebhookPayloads.ACCOUNT, this.customer.sender())))
			.isGreaterThan(Duration.ofDays(6).toSeconds());
	}

	@Test
	void profileApiAnswering500MeansTheDefaultTextAndNoSecondCallForAWhile() {
		serveProfile(aResponse().withStatus(500)
			.withBody("{\"error\":{\"message\":\"An unexpected error has occurred\",\"code\":2}}"));

		this.webhook.post(this.customer.textMessage("hi"));

		String text = textOf(awaitSends(1).get(0));
		assertThat(text).startsWith("Olá there!").doesNotContain("{{");
		this.webhook.post(this.customer.textMessage("hello!"));
		awaitSends(2);
		assertThat(profileCalls()).hasSize(1);
		assertThat(context()).doesNotContainKey("attr.first_name");
	}

	@Test
	void slowProfileApiDelaysTheReplyOnlyByTheTimeoutAndTheDefaultTextIsUsed() {
		serveProfile(okJson(anaCosta()).withFixedDelay(5_000));

		long start = System.nanoTime();
		this.webhook.post(this.customer.textMessage("hi"));

		String text = textOf(awaitSends(1).get(0));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		assertThat(text).startsWith("Olá there!").doesNotContain("{{");
	}

	@Test
	void consentErrorIsAQuietMissAndTheDefaultTextIsUsed() {
		serveProfile(aResponse().withStatus(400)
			.withBody("{\"error\":{\"message\":\"User consent is required to access user profile\",\"code\":230}}"));

		this.webhook.post(this.customer.textMessage("hi"));

		assertThat(textOf(awaitSends(1).get(0))).startsWith("Olá there!");
	}

	@Test
	void pushedAttributesAreMergedKeptWithTheContextAndUsedByReplies() {
		serveProfile(okJson(anaCosta()));
		String path = attributesPath(this.customer.sender());

		HttpResponse<String> first = put(path, ADMIN_TOKEN,
				"{\"first_name\":\"Maria\",\"last_viewed_product\":\"Oak side table\",\"cart\":\"2 items\"}");
		HttpResponse<String> second = put(path, ADMIN_TOKEN, "{\"cart\":null,\"coupon\":\"WELCOME10\"}");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(second.body())).isEqualTo(this.json.readTree(
				"{\"coupon\":\"WELCOME10\",\"first_name\":\"Maria\",\"last_viewed_product\":\"Oak side table\"}"));
		assertThat(this.redis.ttl(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender())))
			.isGreaterThan(Duration.ofDays(89).toSeconds());

		this.webhook.post(this.customer.textMessage("hi"));

		// Attributes pushed by the shop win over the profile; the profile fills the rest.
		assertThat(textOf(awaitSends(1).get(0))).startsWith("Olá Maria!");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			HttpResponse<String> read = send(request(path, ADMIN_TOKEN).GET());
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(read.body()))
				.isEqualTo(this.json.readTree("{\"coupon\":\"WELCOME10\",\"first_name\":\"Maria\","
						+ "\"last_viewed_product\":\"Oak side table\",\"username\":\"ana.costa\"}"));
		});
		assertThat(context()).containsEntry("inboundCount", "1");
	}

	@Test
	void badAttributesAreRefusedNamingTheKey() {
		String path = attributesPath(this.customer.sender());

		HttpResponse<String> badName = put(path, ADMIN_TOKEN, "{\"ok\":\"1\",\"Last-Product\":\"lamp\"}");
		HttpResponse<String> notAString = put(path, ADMIN_TOKEN, "{\"cart_items\":3}");
		HttpResponse<String> tooLong = put(path, ADMIN_TOKEN, "{\"note\":\"" + "x".repeat(501) + "\"}");
		HttpResponse<String> notAnObject = put(path, ADMIN_TOKEN, "[\"a\"]");

		assertThat(badName.statusCode()).isEqualTo(400);
		assertThat(badName.body()).contains("Last-Product");
		assertThat(notAString.statusCode()).isEqualTo(400);
		assertThat(notAString.body()).contains("cart_items");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("note").contains("500");
		assertThat(notAnObject.statusCode()).isEqualTo(400);
		assertThat(this.redis.exists(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()))).isFalse();
	}

	@Test
	void anIntegrationTokenPushesAttributesButCannotTouchRulesOrLeads() {
		HttpResponse<String> issued = send(
				request("/api/admin/tokens", ADMIN_TOKEN).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"name\":\"shop-" + this.customer.sender() + "\",\"role\":\"INTEGRATION\"}")));
		assertThat(issued.statusCode()).isEqualTo(201);
		String shop = this.json.readTree(issued.body()).path("token").asString();

		HttpResponse<String> pushed = put(attributesPath(this.customer.sender()), shop,
				"{\"last_viewed_product\":\"Oak side table\"}");
		HttpResponse<String> rules = send(request("/api/admin/rules/versions", shop).GET());
		HttpResponse<String> leads = send(request("/api/leads", shop).GET());

		assertThat(pushed.statusCode()).isEqualTo(200);
		assertThat(context()).containsEntry("attr.last_viewed_product", "Oak side table");
		assertThat(rules.statusCode()).isEqualTo(403);
		assertThat(leads.statusCode()).isEqualTo(403);
	}

	@Test
	void contactsApiNeedsAToken() {
		String path = attributesPath(this.customer.sender());

		assertThat(put(path, null, "{\"cart\":\"1 item\"}").statusCode()).isEqualTo(401);
		assertThat(send(request(path, null).GET()).statusCode()).isEqualTo(401);
		assertThat(put(path, "not-a-token-at-all", "{\"cart\":\"1 item\"}").statusCode()).isEqualTo(401);
	}

	private static String anaCosta() {
		return "{\"name\":\"Ana Costa\",\"username\":\"ana.costa\",\"id\":\"1254477777772919\"}";
	}

	private void serveProfile(ResponseDefinitionBuilder answer) {
		meta.server().stubFor(get(urlPathEqualTo("/v25.0/" + this.customer.sender())).willReturn(answer));
	}

	private List<LoggedRequest> profileCalls() {
		return meta.server().findAll(getRequestedFor(urlPathEqualTo("/v25.0/" + this.customer.sender())));
	}

	private List<LoggedRequest> awaitSends(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meta.sentTo(this.customer.sender())).hasSizeGreaterThanOrEqualTo(count));
		return meta.sentTo(this.customer.sender());
	}

	private String textOf(LoggedRequest sent) {
		JsonNode body = this.json.readTree(sent.getBodyAsString());
		return body.path("message").path("text").asString();
	}

	private Map<String, String> context() {
		return this.redis.hgetAll(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()));
	}

	private static String attributesPath(String sender) {
		return "/api/contacts/" + WebhookPayloads.ACCOUNT + "/" + sender + "/attributes";
	}

	private HttpResponse<String> put(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String resource(String path) {
		try (var in = ProfileIT.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
