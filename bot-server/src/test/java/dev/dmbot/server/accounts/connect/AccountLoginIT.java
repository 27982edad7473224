package dev.dmbot.server.accounts.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

import dev.dmbot.server.accounts.AccessToken;
import dev.dmbot.server.accounts.AccountKeys;
import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

/**
 * Business Login end to end, with WireMock as Meta (its OAuth host and the Graph API) and
 * a real redis-server: the button's API, Meta sending the browser back, the code and
 * token exchanges, the account, its webhook subscription, and then a signed DM for the
 * new account answered with its own token on its own Send API path. Every failure ends on
 * a page that says what happened and what to do, and leaves no account behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + AccountLoginIT.ADMIN_TOKEN,
				"bot.security.encryption-key=" + AccountLoginIT.ENCRYPTION_KEY,
				"bot.accounts.instagram-app-id=" + AccountLoginIT.APP_ID,
				"bot.accounts.instagram-app-secret=" + AccountLoginIT.APP_SECRET, "bot.accounts.request-timeout=2s",
				// Each test empties Redis under the server: nothing read before may be
				// remembered.
				"bot.accounts.remember-for=0s" })
@Import(MovableTime.class)
class AccountLoginIT {

	static final String ADMIN_TOKEN = "it-account-login-admin-token-7Kq2";

	static final String ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

	static final String APP_ID = "990011223344";

	static final String APP_SECRET = "it-instagram-app-secret";

	static final String CODE = "AQBx-authorization-code";

	static final String SHORT_TOKEN = "IGAAshort-lived-token-it";

	static final String LONG_TOKEN = "IGAAlong-lived-token-of-the-new-account";

	static final String NEW_ACCOUNT = "17841400000000777";

	static final String USERNAME = "lumen.porto";

	static final long EXPIRES_IN = 5_183_944;

	static final List<String> FIELDS = List.of("messages", "messaging_postbacks", "messaging_referral",
			"message_reactions", "messaging_seen", "message_edit", "comments");

	static final String ALL_SCOPES = "instagram_business_basic,instagram_business_manage_messages,"
			+ "instagram_business_manage_comments";

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.accounts.token-url", () -> meta.server().baseUrl() + "/oauth/access_token");
		registry.add("bot.accounts.authorize-url", () -> meta.server().baseUrl() + "/oauth/authorize");
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void setUp() {
		for (String key : this.redis.keys("bot:{accounts}:*")) {
			this.redis.del(key);
		}
		meta.server().resetAll();
		meta.acceptEverything();
		metaAgrees(meta.server());
	}

	@Test
	void theButtonConnectsTheAccountAndItsDmsAreAnsweredWithItsOwnToken() {
		double connectedBefore = logins("connected");
		Login login = startLogin();

		assertThat(login.authorize().getPath()).isEqualTo("/oauth/authorize");
		Map<String, String> query = query(login.authorize());
		assertThat(query).containsEntry("client_id", APP_ID)
			.containsEntry("redirect_uri", redirectUri())
			.containsEntry("response_type", "code")
			.containsEntry("scope", ALL_SCOPES)
			.containsEntry("state", login.state());
		assertThat(login.cookie()).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/accounts/callback");

		HttpResponse<String> page = callback("code=" + CODE + "%23_&state=" + login.state(), login);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(logins("connected")).isEqualTo(connectedBefore + 1);
		assertThat(page.body()).contains("data-outcome=\"connected\"")
			.contains("Connected @" + USERNAME)
			.contains(NEW_ACCOUNT)
			.doesNotContain(LONG_TOKEN);
		assertThat(page.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).startsWith(LoginStates.cookieName(login.state()) + "=")
				.contains("Max-Age=0"));

		LoggedRequest exchange = meta.server().findAll(postRequestedFor(urlPathEqualTo("/oauth/access_token"))).get(0);
		assertThat(form(exchange.getBodyAsString())).containsEntry("client_id", APP_ID)
			.containsEntry("client_secret", APP_SECRET)
			.containsEntry("grant_type", "authorization_code")
			.containsEntry("redirect_uri", redirectUri())
			.containsEntry("code", CODE);
		LoggedRequest longLived = meta.server().findAll(getRequestedFor(urlPathEqualTo("/v25.0/access_token"))).get(0);
		assertThat(longLived.queryParameter("grant_type").firstValue()).isEqualTo("ig_exchange_token");
		assertThat(longLived.queryParameter("client_secret").firstValue()).isEqualTo(APP_SECRET);
		assertThat(longLived.queryParameter("access_token").firstValue()).isEqualTo(SHORT_TOKEN);
		LoggedRequest me = meta.server().findAll(getRequestedFor(urlPathEqualTo("/v25.0/me"))).get(0);
		assertThat(me.getHeader("Authorization")).isEqualTo("Bearer " + LONG_TOKEN);
		assertThat(me.queryParameter("fields").firstValue()).isEqualTo("user_id,username");
		LoggedRequest subscribe = meta.server()
			.findAll(postRequestedFor(urlPathEqualTo("/v25.0/me/subscribed_apps")))
			.get(0);
		assertThat(subscribe.queryParameter("subscribed_fields").firstValue()).isEqualTo(String.join(",", FIELDS));
		assertThat(subscribe.getHeader("Authorization")).isEqualTo("Bearer " + LONG_TOKEN);
		assertThat(meta.server().findAll(getRequestedFor(urlPathEqualTo("/v25.0/me/subscribed_apps")))).hasSize(1);

		JsonNode list = listAccounts();
		assertThat(list.toString()).doesNotContain(LONG_TOKEN).doesNotContain(SHORT_TOKEN);
		JsonNode environment = list.path("accounts").path(0);
		assertThat(environment.path("id").asString()).isEqualTo(WebhookPayloads.ACCOUNT);
		assertThat(environment.path("source").asString()).isEqualTo("environment");
		JsonNode connected = list.path("accounts").path(1);
		assertThat(connected.path("id").asString()).isEqualTo(NEW_ACCOUNT);
		assertThat(connected.path("username").asString()).isEqualTo(USERNAME);
		assertThat(connected.path("source").asString()).isEqualTo("connected");
		assertThat(connected.path("status").asString()).isEqualTo("connected");
		assertThat(connected.path("connectedBy").asString()).isEqualTo("admin");
		Instant expiry = Instant.parse(connected.path("tokenExpiresAt").asString());
		assertThat(expiry).isBetween(this.clock.instant().plusSeconds(EXPIRES_IN - 120),
				this.clock.instant().plusSeconds(EXPIRES_IN));
		assertThat(this.json.convertValue(connected.path("subscribedFields"), List.class)).isEqualTo(FIELDS);
		assertThat(Instant.parse(connected.path("tokenIssuedAt").asString()))
			.isBetween(this.clock.instant().minusSeconds(120), this.clock.instant());
		assertThat(connected.has("lastRefresh")).as("not refreshed yet").isFalse();

		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
		byte[] dm = customer.textMessage("how much is shipping to Porto?")
			.json()
			.replace(WebhookPayloads.ACCOUNT, NEW_ACCOUNT)
			.getBytes(StandardCharsets.UTF_8);
		assertThat(new WebhookClient(this.port, MetaApiStub.APP_SECRET).post(dm).statusCode()).isEqualTo(200);

		String sendPath = "/v25.0/" + NEW_ACCOUNT + "/messages";
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sentOn(sendPath, customer)).isNotEmpty());
		LoggedRequest sent = sentOn(sendPath, customer).get(0);
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + LONG_TOKEN);
		assertThat(this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString())
			.containsIgnoringCase("Porto");
		assertThat(meta.sentTo(customer.sender())).as("nothing sent from the environment account's endpoint").isEmpty();
	}

	@Test
	void aDisconnectedAccountIsListedWithMetasReasonAndItsLastRefresh() {
		Login login = startLogin();
		assertThat(callback("code=" + CODE + "&state=" + login.state(), login).statusCode()).isEqualTo(200);
		// As the token refresh writes it when Meta answers code 190.
		this.redis.hset(AccountKeys.account(NEW_ACCOUNT),
				Map.of("status", "DISCONNECTED", "disconnectedAt", "2027-01-10T12:00:00Z", "disconnectedReason",
						"Meta answered HTTP 400 to the token refresh: \"Session has expired\" (code 190)",
						"refreshedAt", "2027-01-10T12:00:00Z", "refreshOutcome", "DISCONNECTED", "refreshProblem",
						"Meta answered HTTP 400 to the token refresh: \"Session has expired\" (code 190)"));

		JsonNode connected = listAccounts().path("accounts").path(1);
		assertThat(connected.path("status").asString()).isEqualTo("disconnected");
		assertThat(connected.path("disconnectedAt").asString()).isEqualTo("2027-01-10T12:00:00Z");
		assertThat(connected.path("disconnectedReason").asString()).contains("Session has expired", "code 190");
		assertThat(connected.path("lastRefresh").path("at").asString()).isEqualTo("2027-01-10T12:00:00Z");
		assertThat(connected.path("lastRefresh").path("outcome").asString()).isEqualTo("disconnected");
		assertThat(connected.toString()).doesNotContain(LONG_TOKEN);
	}

	@Test
	void theTokenIsNotReadableInRedisWithoutTheKey() {
		Login login = startLogin();
		assertThat(callback("code=" + CODE + "&state=" + login.state(), login).statusCode()).isEqualTo(200);

		Map<String, String> stored = this.redis.hgetAll(AccountKeys.account(NEW_ACCOUNT));
		assertThat(stored).containsEntry("username", USERNAME).containsKey("token");
		assertThat(stored.get("token")).startsWith("v1:");
		for (String value : stored.values()) {
			assertThat(value).doesNotContain(LONG_TOKEN).doesNotContain(SHORT_TOKEN);
		}
		for (String key : this.redis.keys("bot:*")) {
			if ("string".equals(this.redis.type(key))) {
				assertThat(this.redis.get(key)).as(key).doesNotContain(LONG_TOKEN);
			}
		}
		assertThat(this.accounts.accessTokenOf(NEW_ACCOUNT)).contains(AccessToken.of(LONG_TOKEN));
		assertThat(this.accounts.find(NEW_ACCOUNT)).hasValueSatisfying(
				(account) -> assertThat(account.toString()).contains(USERNAME).doesNotContain(LONG_TOKEN));
	}

	@Test
	void aStateIsUsedOnce() {
		Login login = startLogin();
		assertThat(callback("code=" + CODE + "&state=" + login.state(), login).statusCode()).isEqualTo(200);
		this.redis.del(AccountKeys.account(NEW_ACCOUNT), AccountKeys.IDS);

		HttpResponse<String> again = callback("code=" + CODE + "&state=" + login.state(), login);

		assertRefused(again, LoginFailure.STATE_REFUSED, "used already");
		assertThat(meta.server().findAll(postRequestedFor(urlPathEqualTo("/oauth/access_token")))).hasSize(1);
	}

	@Test
	void aStateThisServerNeverIssuedIsRefused() {
		Login login = startLogin();

		HttpResponse<String> page = callback("code=" + CODE + "&state=" + "x".repeat(43), login);

		assertRefused(page, LoginFailure.STATE_REFUSED, "No login is waiting");
		assertRefused(callback("code=" + CODE, login), LoginFailure.STATE_REFUSED, "no state");
		assertThat(meta.server().findAll(postRequestedFor(urlPathEqualTo("/oauth/access_token")))).isEmpty();
	}

	@Test
	void anExpiredStateIsRefused() {
		Login login = startLogin();
		((MovableClock) this.clock).advance(Duration.ofMinutes(11));

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login), LoginFailure.STATE_REFUSED,
				"10 minutes");
	}

	@Test
	void aStateBroughtBackByAnotherBrowserIsRefusedAndSpent() {
		Login login = startLogin();
		Login otherBrowser = new Login(login.authorize(), login.state(), "dmbot_login_" + login.state() + "=forged");

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), otherBrowser), LoginFailure.OTHER_BROWSER,
				"'admin'");
		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login), LoginFailure.STATE_REFUSED,
				"used already");
	}

	@Test
	void deniedConsentEndsOnThePageAndStoresNothing() {
		Login login = startLogin();

		HttpResponse<String> page = callback("error=access_denied&error_reason=user_denied"
				+ "&error_description=The+user+denied+your+request.&state=" + login.state(), login);

		assertRefused(page, LoginFailure.DENIED, "The user denied your request.");
		assertThat(meta.server().findAll(postRequestedFor(urlPathEqualTo("/oauth/access_token")))).isEmpty();
	}

	@Test
	void aCodeMetaRefusesEndsOnThePageAndStoresNothing() {
		stub(post(urlPathEqualTo("/oauth/access_token")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error_type\":\"OAuthException\",\"code\":400,"
					+ "\"error_message\":\"This authorization code has been used\"}")));
		Login login = startLogin();

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login), LoginFailure.CODE_REFUSED,
				"This authorization code has been used");
	}

	@Test
	void aPermissionNotGrantedEndsOnThePageAndStoresNothing() {
		stub(post(urlPathEqualTo("/oauth/access_token"))
			.willReturn(okJson("{\"data\":[{\"access_token\":\"" + SHORT_TOKEN + "\",\"user_id\":\"" + NEW_ACCOUNT
					+ "\",\"permissions\":\"instagram_business_basic\"}]}")));
		Login login = startLogin();

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login), LoginFailure.PERMISSION_MISSING,
				"instagram_business_manage_messages, instagram_business_manage_comments");
		assertThat(meta.server().findAll(getRequestedFor(urlPathEqualTo("/v25.0/access_token")))).isEmpty();
	}

	@Test
	void aSubscriptionRefusedForLackOfPermissionEndsOnThePageAndStoresNothing() {
		stub(post(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"(#200) Requires instagram_business_manage_messages permission\","
					+ "\"type\":\"OAuthException\",\"code\":200}}")));
		Login login = startLogin();

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login), LoginFailure.PERMISSION_MISSING,
				"Requires instagram_business_manage_messages permission");
	}

	@Test
	void aSubscriptionMetaDoesNotConfirmEndsOnThePageAndStoresNothing() {
		stub(get(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(okJson(
				"{\"data\":[{\"id\":\"" + APP_ID + "\",\"subscribed_fields\":[\"comments\",\"messaging_seen\"]}]}")));
		Login login = startLogin();

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login),
				LoginFailure.SUBSCRIPTION_NOT_CONFIRMED, "these are missing: messages, messaging_postbacks");
	}

	@Test
	void aSubscriptionAnsweredWithoutSuccessEndsOnThePageAndStoresNothing() {
		stub(post(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(okJson("{\"success\":false}")));
		Login login = startLogin();

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login),
				LoginFailure.SUBSCRIPTION_NOT_CONFIRMED, "without \"success\": true");
	}

	@Test
	void metaFailingEndsOnThePageAndStoresNothing() {
		stub(get(urlPathEqualTo("/v25.0/access_token")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}")));
		Login login = startLogin();

		HttpResponse<String> page = callback("code=" + CODE + "&state=" + login.state(), login);

		assertRefused(page, LoginFailure.META_UNAVAILABLE, "HTTP 503");
		assertThat(page.body()).doesNotContain(SHORT_TOKEN).doesNotContain(APP_SECRET);
	}

	@Test
	void metaNotAnsweringEndsOnThePageAndStoresNothing() {
		stub(get(urlPathEqualTo("/v25.0/me")).willReturn(okJson("{}").withFixedDelay(4000)));
		Login login = startLogin();

		assertRefused(callback("code=" + CODE + "&state=" + login.state(), login), LoginFailure.META_UNAVAILABLE,
				"did not answer while reading the account");
	}

	@Test
	void onlyAnAdminMayConnect() {
		HttpResponse<String> anonymous = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create(base() + "/api/admin/accounts/connect"))
					.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(anonymous.statusCode()).isEqualTo(401);

		String analyst = createToken("it-analyst-" + System.nanoTime(), "ANALYST");
		HttpResponse<String> refused = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create(base() + "/api/admin/accounts"))
					.header("Authorization", "Bearer " + analyst)
					.GET());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("ADMIN");
	}

	@Test
	void theAccountsPageIsServed() {
		HttpResponse<String> page = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create(base() + "/accounts/")).GET());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Connect an Instagram account").contains("accounts.js");
	}

	// ------------------------------------------------------------------ fixtures

	/** Meta accepting every step: the happy path. */
	static void metaAgrees(WireMockServer server) {
		agree(server, post(urlPathEqualTo("/oauth/access_token")).willReturn(okJson("{\"data\":[{\"access_token\":\""
				+ SHORT_TOKEN + "\",\"user_id\":\"" + NEW_ACCOUNT + "\",\"permissions\":\"" + ALL_SCOPES + "\"}]}")));
		agree(server, get(urlPathEqualTo("/v25.0/access_token")).willReturn(okJson("{\"access_token\":\"" + LONG_TOKEN
				+ "\",\"token_type\":\"bearer\",\"expires_in\":" + EXPIRES_IN + "}")));
		agree(server, get(urlPathEqualTo("/v25.0/me")).willReturn(okJson("{\"user_id\":\"" + NEW_ACCOUNT
				+ "\",\"username\":\"" + USERNAME + "\",\"id\":\"26300000000000001\"}")));
		agree(server, post(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
		agree(server, get(urlPathEqualTo("/v25.0/me/subscribed_apps")).willReturn(
				okJson("{\"data\":[{\"id\":\"" + APP_ID + "\",\"subscribed_fields\":" + toJson(FIELDS) + "}]}")));
		agree(server, post(urlPathEqualTo("/v25.0/" + NEW_ACCOUNT + "/messages"))
			.willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"mid.new.account\"}")));
	}

	static void agree(WireMockServer server, MappingBuilder mapping) {
		server.stubFor(mapping.atPriority(10));
	}

	/** Replaces the happy path's answer for one step. */
	static void stub(MappingBuilder mapping) {
		meta.server().stubFor(mapping.atPriority(1));
	}

	private double logins(String outcome) {
		Counter counter = this.meters.find("bot.accounts.logins").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void assertRefused(HttpResponse<String> page, LoginFailure failure, String details) {
		assertThat(page.statusCode()).isEqualTo(failure.status().value());
		assertThat(logins(failure.name().toLowerCase(java.util.Locale.ROOT))).as("counted").isPositive();
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("data-outcome=\"" + failure.name() + "\"")
			.contains("Not connected")
			.contains(escape(failure.headline()))
			.contains(escape(details))
			.contains(escape(failure.whatToDo()))
			.doesNotContain(LONG_TOKEN)
			.doesNotContain(SHORT_TOKEN);
		assertThat(this.redis.exists(AccountKeys.account(NEW_ACCOUNT))).as("nothing half-connected is left").isFalse();
		assertThat(this.redis.smembers(AccountKeys.IDS)).isEmpty();
		assertThat(this.accounts.find(NEW_ACCOUNT)).isEmpty();
		assertThat(listAccounts().path("accounts").size()).isEqualTo(1);
	}

	private static String escape(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text);
	}

	private Login startLogin() {
		HttpResponse<String> answer = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create(base() + "/api/admin/accounts/connect"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		URI authorize = URI.create(this.json.readTree(answer.body()).path("authorizeUrl").asString());
		String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
		return new Login(authorize, query(authorize).get("state"), cookie);
	}

	private HttpResponse<String> callback(String query, Login login) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create(base() + "/accounts/callback?" + query))
					.header("Cookie", login.cookie().split(";", 2)[0])
					.GET());
	}

	private JsonNode listAccounts() {
		HttpResponse<String> answer = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create(base() + "/api/admin/accounts"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.GET());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return this.json.readTree(answer.body());
	}

	private String createToken(String name, String role) {
		HttpResponse<String> answer = HttpCalls
			.send(this.http, HttpRequest.newBuilder(URI.create(base() + "/api/admin/tokens"))
				.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")));
		return this.json.readTree(answer.body()).path("token").asString();
	}

	private List<LoggedRequest> sentOn(String path, WebhookPayloads customer) {
		return meta.server()
			.findAll(postRequestedFor(urlPathEqualTo(path))
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer.sender()))));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private String redirectUri() {
		return base() + "/accounts/callback";
	}

	private static Map<String, String> query(URI uri) {
		return form(uri.getRawQuery());
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			String[] parts = pair.split("=", 2);
			fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return fields;
	}

	private static String toJson(List<String> values) {
		return values.stream()
			.map((value) -> "\"" + value + "\"")
			.reduce((a, b) -> a + "," + b)
			.map((all) -> "[" + all + "]")
			.orElse("[]");
	}

	/** A login started by the admin's browser: Meta's URL, the state, the cookie. */
	record Login(URI authorize, String state, String cookie) {
	}

}
