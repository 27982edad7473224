package dev.dmbot.server.accounts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.platform.redis.HashRecords;
import dev.dmbot.server.platform.redis.Leases;
import dev.dmbot.server.support.StandaloneRedis;

/**
 * The automatic token refresh on a real redis-server, with WireMock as Meta's Graph API
 * and a fixed clock: a token due is refreshed with the exact call Meta documents and the
 * new token stored encrypted with its new expiry; two instances sharing Redis refresh it
 * once; a server error is retried; code 190 marks the account disconnected and keeps the
 * token; a token younger than 24 hours is left alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenRefreshIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final WireMockServer meta = started();

	static final String ACCOUNT = "17841400000000123";

	static final String TOKEN = "IGAAlong-lived-token-about-to-lapse";

	static final String NEW_TOKEN = "IGAArefreshed-token-for-sixty-days";

	static final String KEY = TokenCipherTest.newKey();

	static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");

	static final long SIXTY_DAYS = 5_184_000;

	static final String PATH = "/v25.0/refresh_access_token";

	final MeterRegistry meters = new SimpleMeterRegistry();

	ConnectedAccounts accounts;

	static WireMockServer started() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		return server;
	}

	@AfterAll
	static void stopMeta() {
		meta.stop();
	}

	@BeforeEach
	void setUp() {
		redis.client().flushAll();
		meta.resetAll();
		this.accounts = new ConnectedAccounts(new HashRecords(redis.client()),
				new EncryptionProperties(KEY, List.of()));
	}

	/** One instance's refresher, with its own client and leases, on the shared Redis. */
	TokenRefresher instance(Instant now) {
		return instance(now, Duration.ofSeconds(3));
	}

	TokenRefresher instance(Instant now, Duration requestTimeout) {
		TokenRefreshProperties properties = new TokenRefreshProperties(Duration.ofHours(1), Duration.ofDays(30), 3,
				Duration.ofMillis(10), requestTimeout);
		TokenRefreshClient client = new TokenRefreshClient(URI.create(meta.baseUrl() + "/v25.0"),
				properties.requestTimeout(), JsonMapper.builder().build());
		return new TokenRefresher(this.accounts, client, new Leases(redis.client()), properties,
				Clock.fixed(now, ZoneOffset.UTC), this.meters);
	}

	/**
	 * The account, its token issued {@code age} before now and expiring {@code left}
	 * after.
	 */
	void connected(Duration age, Duration left) {
		this.accounts.save(new ConnectedAccount(ACCOUNT, "lumen.porto", AccessToken.of(TOKEN), NOW.plus(left),
				NOW.minus(Duration.ofDays(90)), "maria", AccountStatus.CONNECTED, List.of("messages", "comments"),
				NOW.minus(age)));
	}

	static void metaRefreshes() {
		meta.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(refreshed())));
	}

	static String refreshed() {
		return "{\"access_token\":\"" + NEW_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":" + SIXTY_DAYS + "}";
	}

	List<LoggedRequest> refreshCalls() {
		return meta.findAll(getRequestedFor(urlPathEqualTo(PATH)));
	}

	Map<String, String> raw() {
		return redis.client().hgetAll(AccountKeys.account(ACCOUNT));
	}

	double counted(TokenRefreshOutcome outcome) {
		Counter counter = this.meters.find("bot.accounts.token.refreshes").tag("outcome", outcome.tag()).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void aTokenDueIsRefreshedWithMetaAndTheNewTokenIsStoredEncryptedWithItsNewExpiry(CapturedOutput log) {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		metaRefreshes();

		assertThat(instance(NOW).refreshDue()).containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.REFRESHED));

		assertThat(refreshCalls()).singleElement().satisfies((call) -> {
			assertThat(call.getMethod().getName()).isEqualTo("GET");
			assertThat(call.getUrl()).isEqualTo(PATH + "?grant_type=ig_refresh_token&access_token=" + TOKEN);
		});
		Map<String, String> stored = raw();
		assertThat(stored.get("token")).startsWith("v1:");
		assertThat(stored.values()).noneMatch((value) -> value.contains(NEW_TOKEN) || value.contains(TOKEN));
		assertThat(stored).containsEntry("tokenIssuedAt", NOW.toString())
			.containsEntry("tokenExpiresAt", NOW.plusSeconds(SIXTY_DAYS).toString())
			.containsEntry("status", "CONNECTED")
			.containsEntry("refreshOutcome", "REFRESHED")
			.containsEntry("refreshedAt", NOW.toString());
		ConnectedAccount account = this.accounts.find(ACCOUNT).orElseThrow();
		assertThat(account.token()).isEqualTo(AccessToken.of(NEW_TOKEN));
		assertThat(account.tokenExpiresAt()).isEqualTo(Instant.parse("2027-03-11T12:00:00Z"));
		assertThat(account.connectedAt()).as("still the login's").isEqualTo(NOW.minus(Duration.ofDays(90)));
		AccountDetails details = this.accounts.details(ACCOUNT).orElseThrow();
		assertThat(details.lastRefresh())
			.isEqualTo(new AccountDetails.TokenRefresh(NOW, TokenRefreshOutcome.REFRESHED, null));
		assertThat(counted(TokenRefreshOutcome.REFRESHED)).isEqualTo(1);
		assertThat(redis.client().exists(AccountKeys.refreshLease(ACCOUNT))).as("the lease is released").isFalse();

		TokenRefresher anHourLater = instance(NOW.plus(Duration.ofHours(1)));
		assertThat(anHourLater.refreshDue()).as("the new token is not due").isEmpty();
		assertThat(this.meters.get("bot.accounts.token.expiry.days").tag("account", ACCOUNT).gauge().value())
			.isCloseTo(60, Offset.offset(0.1));
		assertThat(refreshCalls()).hasSize(1);
		assertThat(log)
			.contains("The access token of Instagram account " + ACCOUNT
					+ " (@lumen.porto) was refreshed; it now expires at 2027-03-11T12:00:00Z")
			.doesNotContain(TOKEN)
			.doesNotContain(NEW_TOKEN);
	}

	@Test
	void twoInstancesRunningAtTheSameMomentCallMetaOnce() throws Exception {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		// Meta takes its time, so both instances are inside their run together.
		meta.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(refreshed()).withFixedDelay(400)));
		TokenRefresher first = instance(NOW);
		TokenRefresher second = instance(NOW);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		List<Map<String, TokenRefreshOutcome>> outcomes;
		try {
			Future<Map<String, TokenRefreshOutcome>> one = instances.submit(() -> {
				start.await();
				return first.refreshDue();
			});
			Future<Map<String, TokenRefreshOutcome>> other = instances.submit(() -> {
				start.await();
				return second.refreshDue();
			});
			start.countDown();
			outcomes = List.of(one.get(10, TimeUnit.SECONDS), other.get(10, TimeUnit.SECONDS));
		}
		finally {
			instances.shutdownNow();
		}
		assertThat(refreshCalls()).hasSize(1);
		assertThat(outcomes).filteredOn((outcome) -> !outcome.isEmpty())
			.containsExactly(Map.of(ACCOUNT, TokenRefreshOutcome.REFRESHED));
		assertThat(this.accounts.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of(NEW_TOKEN));

		assertThat(first.refreshDue()).isEmpty();
		assertThat(second.refreshDue()).isEmpty();
		assertThat(refreshCalls()).as("and not again by either").hasSize(1);
	}

	@Test
	void aServerErrorIsRetriedAndTheRefreshSucceeds() {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		meta.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)
				.withBody("{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"))
			.willSetStateTo("recovered"));
		meta.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(refreshed())));

		assertThat(instance(NOW).refreshDue()).containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.REFRESHED));

		assertThat(refreshCalls()).hasSize(2);
		assertThat(this.accounts.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of(NEW_TOKEN));
	}

	@Test
	void aCallMetaDoesNotAnswerInTimeIsRetried() {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		meta.stubFor(get(urlPathEqualTo(PATH)).inScenario("slow")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(refreshed()).withFixedDelay(1_500))
			.willSetStateTo("quick"));
		meta.stubFor(get(urlPathEqualTo(PATH)).inScenario("slow")
			.whenScenarioStateIs("quick")
			.willReturn(okJson(refreshed())));

		assertThat(instance(NOW, Duration.ofMillis(300)).refreshDue())
			.containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.REFRESHED));

		assertThat(refreshCalls()).hasSize(2);
	}

	@Test
	void metaDownThroughEveryRetryLeavesTheTokenAndIsTriedAgainAtTheNextRun(CapturedOutput log) {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		String before = raw().get("token");
		meta.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

		assertThat(instance(NOW).refreshDue()).containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.FAILED));

		assertThat(refreshCalls()).as("bot.accounts.refresh-attempts").hasSize(3);
		assertThat(raw()).containsEntry("token", before)
			.containsEntry("status", "CONNECTED")
			.containsEntry("refreshOutcome", "FAILED");
		assertThat(raw().get("refreshProblem")).contains("HTTP 500");
		assertThat(counted(TokenRefreshOutcome.FAILED)).isEqualTo(1);
		assertThat(log).contains("The access token of Instagram account " + ACCOUNT
				+ " (@lumen.porto) could not be refreshed after 3 tries: Meta answered HTTP 500 to the token refresh. "
				+ "Tried again in 1h; it expires at 2027-02-04T12:00:00Z.");

		metaRefreshes();
		assertThat(instance(NOW.plus(Duration.ofHours(1))).refreshDue())
			.containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.REFRESHED));
		assertThat(this.accounts.details(ACCOUNT).orElseThrow().lastRefresh().problem()).isNull();
	}

	@Test
	void code190MarksTheAccountDisconnectedWithTheReasonAndLeavesTheTokenAlone(CapturedOutput log) {
		connected(Duration.ofDays(61), Duration.ofHours(-1));
		String before = raw().get("token");
		meta.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired for " + TOKEN
					+ "\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"AbC\"}}")));

		assertThat(instance(NOW).refreshDue()).containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.DISCONNECTED));

		assertThat(refreshCalls()).as("a refusal is not retried").hasSize(1);
		Map<String, String> stored = raw();
		assertThat(stored).containsEntry("token", before)
			.containsEntry("status", "DISCONNECTED")
			.containsEntry("disconnectedAt", NOW.toString());
		assertThat(stored.values()).noneMatch((value) -> value.contains(TOKEN));
		AccountDetails details = this.accounts.details(ACCOUNT).orElseThrow();
		assertThat(details.status()).isEqualTo(AccountStatus.DISCONNECTED);
		assertThat(details.disconnectedReason()).contains("Session has expired", "(code 190)", "HTTP 400");
		assertThat(this.accounts.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of(TOKEN));
		assertThat(counted(TokenRefreshOutcome.DISCONNECTED)).isEqualTo(1);
		assertThat(log).contains("WARN", "Instagram account " + ACCOUNT + " (@lumen.porto) is disconnected",
				"Session has expired for [token]", "press \"Connect an Instagram account\" and log in as @lumen.porto")
			.doesNotContain(TOKEN);

		assertThat(instance(NOW.plus(Duration.ofHours(1))).refreshDue()).as("only a new login brings it back")
			.isEmpty();
		assertThat(refreshCalls()).hasSize(1);
	}

	@Test
	void aTokenYoungerThan24HoursIsNotRefreshed() {
		connected(Duration.ofHours(23), Duration.ofDays(2));
		metaRefreshes();

		assertThat(instance(NOW).refreshDue()).isEmpty();

		assertThat(refreshCalls()).isEmpty();
		assertThat(this.accounts.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of(TOKEN));
		assertThat(raw()).doesNotContainKey("refreshedAt");
	}

	@Test
	void aTokenFarFromExpiryIsNotRefreshed() {
		connected(Duration.ofDays(10), Duration.ofDays(50));
		metaRefreshes();

		TokenRefresher refresher = instance(NOW);
		refresher.gaugeConnectedAccounts();
		assertThat(this.meters.get("bot.accounts.token.expiry.days").tag("account", ACCOUNT).gauge().value())
			.as("shown from the start")
			.isEqualTo(50);

		assertThat(refresher.refreshDue()).isEmpty();
		assertThat(refreshCalls()).isEmpty();
	}

	@Test
	void aConnectionMadeWhileMetaWasRefreshingIsNeverOverwritten() {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		ConnectedAccounts.HeldToken held = this.accounts.held(ACCOUNT).orElseThrow();
		this.accounts.save(new ConnectedAccount(ACCOUNT, "lumen.porto", AccessToken.of("IGAAfrom-a-new-login"),
				NOW.plus(Duration.ofDays(60)), NOW, "maria", AccountStatus.CONNECTED, List.of("messages")));

		assertThat(this.accounts.tokenRefreshed(held, AccessToken.of(NEW_TOKEN), NOW, NOW.plus(Duration.ofDays(60))))
			.isFalse();
		assertThat(this.accounts.disconnected(held, NOW, "refused")).isFalse();

		assertThat(this.accounts.find(ACCOUNT).orElseThrow().token()).isEqualTo(AccessToken.of("IGAAfrom-a-new-login"));
		assertThat(raw()).containsEntry("status", "CONNECTED").doesNotContainKey("refreshedAt");
	}

	@Test
	void anAccountStoredByTheEarlierReleaseIsReadWithItsConnectionTimeAsTheTokensIssueTime() {
		connected(Duration.ofDays(35), Duration.ofDays(25));
		redis.client().hdel(AccountKeys.account(ACCOUNT), "tokenIssuedAt");

		assertThat(this.accounts.details(ACCOUNT).orElseThrow().tokenIssuedAt())
			.isEqualTo(NOW.minus(Duration.ofDays(90)));
		metaRefreshes();
		assertThat(instance(NOW).refreshDue()).containsExactly(Map.entry(ACCOUNT, TokenRefreshOutcome.REFRESHED));
	}

}
