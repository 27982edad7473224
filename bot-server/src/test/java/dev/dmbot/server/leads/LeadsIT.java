package dev.dmbot.server.leads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.HttpCalls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Qualified leads end to end: recorded through {@link LeadService}, stored in the
 * server's embedded redis-server, delivered to a CRM that WireMock stands in for, and
 * read back through the admin API. Backoffs and the poll interval are a few milliseconds
 * so retries take no real time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + LeadsIT.ADMIN_TOKEN, "bot.leads.webhook-secret=" + LeadsIT.SECRET,
				"bot.leads.max-attempts=3", "bot.leads.initial-backoff=20ms", "bot.leads.max-backoff=60ms",
				"bot.leads.poll-interval=20ms", "bot.leads.request-timeout=2s",
				"logging.level.dev.dmbot.server.leads=debug" })
@ExtendWith(OutputCaptureExtension.class)
class LeadsIT {

	static final String ADMIN_TOKEN = "it-leads-admin-token-4Rt8uQ";

	static final String SECRET = "crm-shared-secret-Zk31pQ0w";

	/**
	 * Like many CRM endpoints, the URL carries a token of its own: it must not be logged.
	 */
	static final String PATH = "/hooks/url-token-Hq72Lw/leads";

	static final String ACCOUNT = "17841400000000000";

	static final WireMockServer crm = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		crm.start();
		crm.stubFor(post(urlPathEqualTo(PATH)).atPriority(10).willReturn(ok()));
	}

	@DynamicPropertySource
	static void crmUrl(DynamicPropertyRegistry registry) {
		registry.add("bot.leads.webhook-url", () -> crm.baseUrl() + PATH);
	}

	@AfterAll
	static void stopCrm() {
		crm.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	LeadService leads;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	MeterRegistry meters;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void recordedLeadReachesTheCrmAsSignedJson() {
		String sender = newSender();
		Map<String, String> slots = new LinkedHashMap<>();
		slots.put("name", "Ana \"Lima\"");
		slots.put("email", "ana@example.com");
		slots.put("budget", "5000");

		Lead lead = this.leads.record(new LeadQualified(ACCOUNT, sender, slots, 80, List.of("hot", "vip"),
				new LeadSource("booking", "lumen-oak.xlsx!Rules!12"), null));

		LoggedRequest sent = awaitRequests(sender, 1).get(0);
		String expected = "{\"event\":\"lead.qualified\",\"lead\":{\"id\":\"" + lead.id() + "\",\"accountId\":\""
				+ ACCOUNT + "\",\"senderId\":\"" + sender + "\",\"conversationId\":\"" + ACCOUNT + ":" + sender
				+ "\",\"slots\":{\"name\":\"Ana \\\"Lima\\\"\",\"email\":\"ana@example.com\",\"budget\":\"5000\"},"
				+ "\"score\":80,\"tags\":[\"hot\",\"vip\"],"
				+ "\"source\":{\"flow\":\"booking\",\"rule\":\"lumen-oak.xlsx!Rules!12\"},\"createdAt\":\""
				+ lead.createdAt() + "\",\"updatedAt\":\"" + lead.updatedAt() + "\"}}";
		assertThat(sent.getBodyAsString()).isEqualTo(expected);
		assertThat(sent.getHeader("X-Dmbot-Signature-256")).isEqualTo("sha256=" + hmac(SECRET, sent.getBody()));
		assertThat(sent.getHeader("X-Dmbot-Delivery")).isEqualTo(lead.id());
		assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode stored = getJson("/api/admin/leads/" + lead.id());
			assertThat(stored.path("status").asString()).isEqualTo("delivered");
			assertThat(stored.path("attempts").asInt()).isEqualTo(1);
			assertThat(stored.path("conversationId").asString()).isEqualTo(ACCOUNT + ":" + sender);
			assertThat(stored.path("slots").propertyNames()).containsExactly("name", "email", "budget");
		});
	}

	@Test
	void crmFailingTwiceThenAcceptingGetsTheLeadExactlyOnce() {
		String sender = newSender();
		String scenario = "flaky-" + sender;
		double retriedBefore = this.meters.counter("bot.leads.retried").count();
		crm.stubFor(forSender(sender).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("failed once"));
		crm.stubFor(forSender(sender).inScenario(scenario)
			.whenScenarioStateIs("failed once")
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
			.willSetStateTo("failed twice"));
		crm.stubFor(forSender(sender).inScenario(scenario).whenScenarioStateIs("failed twice").willReturn(ok()));

		Lead lead = record(sender, Map.of("email", "flaky@example.com"), List.of());

		awaitStatus(lead.id(), "delivered");
		assertThat(requests(sender)).hasSize(3)
			.allSatisfy(request -> assertThat(request.getHeader("X-Dmbot-Delivery")).isEqualTo(lead.id()))
			.extracting(LoggedRequest::getBodyAsString)
			.containsOnly(requests(sender).get(0).getBodyAsString());
		assertThat(getJson("/api/admin/leads/" + lead.id()).path("attempts").asInt()).isEqualTo(3);
		assertThat(this.meters.counter("bot.leads.retried").count()).isGreaterThanOrEqualTo(retriedBefore + 2);
		// Several poll intervals later nothing more has been sent.
		pause(Duration.ofMillis(200));
		assertThat(requests(sender)).hasSize(3);
	}

	@Test
	void crmDownForGoodDeadLettersTheLeadAndReplayDeliversItOnceItRecovers() {
		String sender = newSender();
		StubMapping down = crm.stubFor(forSender(sender).willReturn(aResponse().withStatus(503).withBody("down")));

		Lead lead = record(sender, Map.of("phone", "+351 910 000 000"), List.of("warm"));

		awaitStatus(lead.id(), "dead_lettered");
		assertThat(requests(sender)).hasSize(3);
		JsonNode stored = getJson("/api/admin/leads/" + lead.id());
		assertThat(stored.path("lastError").asString()).contains("HTTP 503").contains("after 3 tries");
		assertThat(deadLetter(lead.id())).isNotNull()
			.satisfies(entry -> assertThat(entry.getFields()).containsEntry("account", ACCOUNT)
				.containsEntry("attempts", "3")
				.hasEntrySatisfying("error", error -> assertThat(error).contains("HTTP 503")));
		assertThat(ids(getJson("/api/admin/leads?status=dead_lettered&limit=10000"))).contains(lead.id());
		assertThat(this.meters.counter("bot.leads.dead.lettered").count()).isPositive();

		crm.removeStub(down);
		HttpResponse<String> replayed = send("POST", "/api/admin/leads/dead-letters/replay", ADMIN_TOKEN);

		assertThat(replayed.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(replayed.body()).path("requeued").asInt()).isPositive();
		awaitStatus(lead.id(), "delivered");
		assertThat(requests(sender)).hasSize(4);
		assertThat(getJson("/api/admin/leads/" + lead.id()).path("lastError").isMissingNode()).isTrue();
		assertThat(this.redis.sismember(LeadKeys.DEAD_LETTERED, lead.id())).isFalse();
		pause(Duration.ofMillis(200));
		assertThat(requests(sender)).hasSize(4);
	}

	@Test
	void aDeliveryLeftPendingByAStoppedInstanceIsTriedByThePoller() {
		String sender = newSender();
		Lead lead = record(sender, Map.of("email", "restart@example.com"), List.of());
		awaitStatus(lead.id(), "delivered");

		// What an instance that stopped mid-try leaves behind: a claim whose lease has
		// run
		// out.
		this.redis.zadd(LeadKeys.PENDING, System.currentTimeMillis() - 1, lead.id());

		awaitRequests(sender, 2);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.redis.zscore(LeadKeys.PENDING, lead.id())).isNull());
		assertThat(requests(sender)).hasSize(2);
	}

	@Test
	void aRefusalIsNotRetriedAndCanBeRedeliveredByHand() {
		String sender = newSender();
		StubMapping refusing = crm
			.stubFor(forSender(sender).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad email\"}")));

		Lead lead = record(sender, Map.of("email", "not-an-email"), List.of());

		awaitStatus(lead.id(), "dead_lettered");
		pause(Duration.ofMillis(200));
		assertThat(requests(sender)).hasSize(1);
		assertThat(getJson("/api/admin/leads/" + lead.id()).path("lastError").asString())
			.isEqualTo("HTTP 400 from the CRM: {\"error\":\"bad email\"}");

		crm.removeStub(refusing);
		HttpResponse<String> redelivered = send("POST", "/api/admin/leads/" + lead.id() + "/redeliver", ADMIN_TOKEN);

		assertThat(redelivered.statusCode()).isEqualTo(202);
		awaitStatus(lead.id(), "delivered");
		assertThat(requests(sender)).hasSize(2);
		assertThat(send("POST", "/api/admin/leads/01ARZ3NDEKTSV4RRFFQ69G5FAV/redeliver", ADMIN_TOKEN).statusCode())
			.isEqualTo(404);
	}

	@Test
	void theSameLeadRecordedTwiceStaysOneLeadAndAChangeIsDeliveredAgain() {
		String sender = newSender();
		double qualifiedBefore = this.meters.counter("bot.leads.qualified").count();

		Lead first = record(sender, Map.of("email", "twice@example.com"), List.of("hot"));
		awaitStatus(first.id(), "delivered");
		Lead again = record(sender, Map.of("email", "twice@example.com"), List.of("hot"));

		assertThat(again.id()).isEqualTo(first.id());
		pause(Duration.ofMillis(200));
		assertThat(requests(sender)).hasSize(1);
		assertThat(ids(getJson("/api/admin/leads?account=" + ACCOUNT + "&limit=10000")).stream()
			.filter(id -> id.equals(first.id()))).hasSize(1);
		assertThat(this.meters.counter("bot.leads.qualified").count()).isEqualTo(qualifiedBefore + 1);

		Lead changed = record(sender, Map.of("email", "twice@example.com", "budget", "900"), List.of("hot"));

		assertThat(changed.id()).isEqualTo(first.id());
		assertThat(changed.slots()).containsEntry("budget", "900");
		List<LoggedRequest> sent = awaitRequests(sender, 2);
		assertThat(sent.get(1).getBodyAsString()).contains("\"budget\":\"900\"").contains(first.id());
		awaitStatus(first.id(), "delivered");
	}

	@Test
	void theSameEventRecordedByManyWorkersAtOnceMakesOneLead() throws Exception {
		String sender = newSender();
		LeadQualified event = new LeadQualified(ACCOUNT, sender, Map.of("email", "race@example.com"), 70, List.of(),
				new LeadSource("booking", null), null);
		ExecutorService workers = Executors.newFixedThreadPool(8);
		List<Future<Lead>> recorded = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			recorded.add(workers.submit(() -> this.leads.record(event)));
		}
		Set<String> ids = new HashSet<>();
		for (Future<Lead> lead : recorded) {
			ids.add(lead.get().id());
		}
		workers.shutdown();

		assertThat(ids).hasSize(1);
		awaitStatus(ids.iterator().next(), "delivered");
		pause(Duration.ofMillis(200));
		assertThat(requests(sender)).hasSize(1);
	}

	@Test
	void leadsAreListedWithFiltersAndExportedAsCsv() {
		String account = "9" + System.nanoTime();
		Lead january = this.leads.record(new LeadQualified(account, "s1", slots("name", "Ana, Lima", "email", "a@x.io"),
				50, List.of("hot"), new LeadSource("booking", null), Instant.parse("2026-01-10T10:00:00Z")));
		Lead february = this.leads
			.record(new LeadQualified(account, "s2", slots("email", "b@x.io", "note", "line\nbreak"), 60,
					List.of("cold"), new LeadSource("booking", null), Instant.parse("2026-02-10T10:00:00Z")));
		Lead march = this.leads
			.record(new LeadQualified(account, "s3", slots("budget", "\"big\""), 90, List.of("hot", "vip"),
					new LeadSource(null, "lumen-oak.xlsx!Rules!4"), Instant.parse("2026-03-10T10:00:00Z")));
		for (Lead lead : List.of(january, february, march)) {
			awaitStatus(lead.id(), "delivered");
		}

		assertThat(ids(getJson("/api/admin/leads?account=" + account))).containsExactly(march.id(), february.id(),
				january.id());
		assertThat(ids(getJson("/api/admin/leads?account=" + account + "&tag=hot"))).containsExactly(march.id(),
				january.id());
		assertThat(ids(getJson("/api/admin/leads?account=" + account + "&since=2026-01-15&until=2026-02-28")))
			.containsExactly(february.id());
		assertThat(ids(getJson("/api/admin/leads?account=" + account + "&until=2026-01-10T10:00:00Z")))
			.containsExactly(january.id());
		assertThat(ids(getJson("/api/admin/leads?account=" + account + "&limit=1"))).containsExactly(march.id());
		assertThat(ids(getJson("/api/admin/leads?account=" + account + "&status=new"))).isEmpty();
		assertThat(ids(getJson("/api/leads?account=" + account + "&status=delivered"))).hasSize(3);
		assertThat(send("GET", "/api/admin/leads?status=lost", ADMIN_TOKEN).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/admin/leads?since=yesterday", ADMIN_TOKEN).body()).contains("yesterday");

		HttpResponse<String> csv = send("GET", "/api/admin/leads?account=" + account + "&format=csv", ADMIN_TOKEN);

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		List<List<String>> rows = Csv.parse(csv.body());
		List<String> header = rows.get(0);
		assertThat(rows).hasSize(4);
		// Newest first, so the slot columns follow the order the newest leads name them.
		assertThat(header).endsWith("budget", "email", "note", "name");
		assertThat(rows.get(1).get(header.indexOf("id"))).isEqualTo(march.id());
		assertThat(rows.get(1).get(header.indexOf("budget"))).isEqualTo("\"big\"");
		assertThat(rows.get(1).get(header.indexOf("rule"))).isEqualTo("lumen-oak.xlsx!Rules!4");
		assertThat(rows.get(1).get(header.indexOf("tags"))).isEqualTo("hot;vip");
		assertThat(rows.get(2).get(header.indexOf("note"))).isEqualTo("line\nbreak");
		assertThat(rows.get(3).get(header.indexOf("name"))).isEqualTo("Ana, Lima");
		assertThat(rows.get(3).get(header.indexOf("created_at"))).isEqualTo("2026-01-10T10:00:00Z");
		assertThat(rows.get(3).get(header.indexOf("status"))).isEqualTo("delivered");
	}

	@Test
	void theLeadsApiNeedsAnAdminOrAnalystToken() {
		String analyst = issue("leads-analyst-" + System.nanoTime(), "ANALYST");
		String agent = issue("leads-agent-" + System.nanoTime(), "AGENT");

		assertThat(send("GET", "/api/leads", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/admin/leads", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/leads", agent).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/admin/leads/dead-letters/replay", agent).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/leads", analyst).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/admin/leads?format=csv", analyst).statusCode()).isEqualTo(200);
	}

	@Test
	void neitherTheSecretNorTheUrlTokenIsLogged(CapturedOutput output) {
		String sender = newSender();
		crm.stubFor(forSender(sender).inScenario("log-" + sender)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("up"));
		crm.stubFor(forSender(sender).inScenario("log-" + sender).whenScenarioStateIs("up").willReturn(ok()));

		Lead lead = record(sender, Map.of("email", "logs@example.com"), List.of());

		awaitStatus(lead.id(), "delivered");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(output.getAll()).contains("Lead " + lead.id() + " delivered to the CRM (try 2)"));
		assertThat(output.getAll()).contains("HTTP 502")
			.doesNotContain(SECRET)
			.doesNotContain("url-token-Hq72Lw")
			.doesNotContain(ADMIN_TOKEN);
	}

	private Lead record(String sender, Map<String, String> slots, List<String> tags) {
		return this.leads
			.record(new LeadQualified(ACCOUNT, sender, slots, 70, tags, new LeadSource("booking", null), null));
	}

	private static Map<String, String> slots(String... namesAndValues) {
		Map<String, String> slots = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			slots.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return slots;
	}

	private static String newSender() {
		return "lead" + System.nanoTime();
	}

	private static com.github.tomakehurst.wiremock.client.MappingBuilder forSender(String sender) {
		return post(urlPathEqualTo(PATH)).atPriority(1)
			.withRequestBody(matchingJsonPath("$.lead.senderId", equalTo(sender)));
	}

	private static List<LoggedRequest> requests(String sender) {
		return crm.findAll(postRequestedFor(urlPathEqualTo(PATH))
			.withRequestBody(matchingJsonPath("$.lead.senderId", equalTo(sender))));
	}

	private static List<LoggedRequest> awaitRequests(String sender, int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> requests(sender).size() >= count);
		return requests(sender);
	}

	private void awaitStatus(String id, String status) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(getJson("/api/admin/leads/" + id).path("status").asString()).isEqualTo(status));
	}

	private StreamEntry deadLetter(String id) {
		return this.redis.xrange(LeadKeys.DEAD_LETTERS, "-", "+")
			.stream()
			.filter(entry -> id.equals(entry.getFields().get("lead")))
			.findFirst()
			.orElse(null);
	}

	private static List<String> ids(JsonNode leads) {
		return leads.valueStream().map(lead -> lead.path("id").asString()).toList();
	}

	private JsonNode getJson(String path) {
		HttpResponse<String> response = send("GET", path, ADMIN_TOKEN);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private String issue(String name, String role) {
		HttpResponse<String> created = send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/admin/tokens"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body()).path("token").asString();
	}

	private HttpResponse<String> send(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return HttpCalls.send(this.http, request);
	}

	private static String hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits out a few poll intervals, to show that nothing more happens. */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
