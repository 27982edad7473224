package dev.dmbot.server.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults around a running server, with a steady stream of signed DMs flowing: Redis going
 * away for seconds, Meta's Send API failing for a while (500s, 429s, timeouts) or for
 * good for one customer, and every delivery arriving two or three times, in batches.
 * Checked per DM: answered exactly once, each customer's answers in the order they wrote.
 * Each test adds its row to {@code target/fault-report.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + StreamFaultsIT.ADMIN_TOKEN, "bot.intake.partitions=4",
				"bot.outbound.request-timeout=400ms", "bot.outbound.max-attempts=7", "bot.profile.timeout=300ms" })
class StreamFaultsIT {

	static final String ADMIN_TOKEN = "it-faults-admin-token-8Kp3";

	static final MetaApiStub meta = new MetaApiStub();

	static final List<String> QUESTIONS = List.of("how much is shipping to Porto?", "what are your opening hours?",
			"how do returns work?");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		// 200 ms to 1 s between tries: seven tries ride out about three seconds of
		// errors.
		registry.add("bot.outbound.initial-backoff", () -> "200ms");
		registry.add("bot.outbound.max-backoff", () -> "1s");
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Autowired
	MeterRegistry meters;

	Map<String, String> replies;

	@BeforeEach
	void learnTheReplies() {
		meta.server().resetScenarios();
		this.replies = Answers.replies(new WebhookClient(this.port, MetaApiStub.APP_SECRET), meta.server(), QUESTIONS);
	}

	@Test
	void redisStoppedForSecondsIsRetriedByMetaAndNothingAcknowledgedIsLost() throws Exception {
		DmStream stream = stream(8, 12).start();

		stream.awaitAcknowledged(stream.total() / 3, Duration.ofSeconds(30));
		this.redisServer.server().stop();
		Thread.sleep(3000);
		this.redisServer.server().start();
		stream.finish(Duration.ofMinutes(2));

		Answers answers = Answers.await(stream, meta.server(), this.replies);
		FaultReport.row("Redis stopped for 3 s mid-stream, restarted (AOF everysec)", stream, answers,
				"webhook answered 503 while Redis was down; Meta's retries delivered them after");
		assertThat(stream.refusals()).containsKey("503");
		assertExactlyOnceInOrder(stream, answers);
	}

	@Test
	void metaFailingForAWhileIsRetriedWithBackoffAndEveryDmAnsweredOnce() throws Exception {
		List<StubMapping> failures = metaFailsWith500s429sAndTimeouts();
		double retried = sendErrors();
		DmStream stream = stream(6, 10).start();

		stream.awaitAcknowledged(stream.total() / 4, Duration.ofSeconds(30));
		Thread.sleep(2000);
		failures.forEach(meta.server()::removeStub);
		stream.finish(Duration.ofMinutes(2));

		Answers answers = Answers.await(stream, meta.server(), this.replies);
		FaultReport.row("Send API answering 500, 429 and timing out (cycling) for ~2.5 s", stream, answers,
				(int) (sendErrors() - retried) + " failed calls retried with backoff and jitter");
		assertExactlyOnceInOrder(stream, answers);
		assertThat(sendErrors()).isGreaterThan(retried);
	}

	@Test
	void aReplyMetaKeepsRefusingGoesToTheDeadLettersAndIsSentOnceWhenReplayed() {
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
		StubMapping down = meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(customer.sender())))
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\","
							+ "\"code\":1,\"is_transient\":true}}")));
		double deadLettered = replies("dead_lettered");

		new WebhookClient(this.port, MetaApiStub.APP_SECRET)
			.post(customer.at(System.currentTimeMillis()).textMessage(QUESTIONS.get(0)));
		await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterFor(customer) != null);
		JsonNode letter = deadLetterFor(customer);

		assertThat(letter.path("text").asString()).isEqualTo(this.replies.get(QUESTIONS.get(0)));
		assertThat(letter.path("error").asString()).contains("An unknown error occurred");
		assertThat(meta.sentTo(customer.sender())).hasSize(7);
		assertThat(replies("dead_lettered")).isEqualTo(deadLettered + 1);
		assertThat(this.meters.find("bot.dead.letters").tag("stream", "replies").gauge().value())
			.isGreaterThanOrEqualTo(1);

		JsonNode stillDown = JSON.readTree(
				admin("POST", "/api/admin/dead-letters/replay", "{\"ids\":[\"" + letter.path("id").asString() + "\"]}")
					.body());
		assertThat(stillDown.path("failed").get(0).path("error").asString()).contains("An unknown error occurred");
		JsonNode putBack = deadLetterFor(customer);
		assertThat(putBack.path("replays").asInt()).isEqualTo(1);

		meta.server().removeStub(down);
		JsonNode replayed = JSON.readTree(
				admin("POST", "/api/admin/dead-letters/replay", "{\"ids\":[\"" + putBack.path("id").asString() + "\"]}")
					.body());
		assertThat(replayed.path("sent").get(0).asString()).isEqualTo(putBack.path("id").asString());
		assertThat(deadLetterFor(customer)).isNull();
		assertThat(Answers.delivered(meta.server(), customer.sender()))
			.containsExactly(this.replies.get(QUESTIONS.get(0)));
		JsonNode again = JSON.readTree(
				admin("POST", "/api/admin/dead-letters/replay", "{\"ids\":[\"" + putBack.path("id").asString() + "\"]}")
					.body());
		assertThat(again.path("notFound").get(0).asString()).isEqualTo(putBack.path("id").asString());
		assertThat(Answers.delivered(meta.server(), customer.sender())).hasSize(1);
	}

	@Test
	void everyDeliveryTwiceOrThriceAndInBatchesIsAnsweredOnce() throws Exception {
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		List<WebhookPayloads> customers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			customers.add(WebhookPayloads.from(WebhookPayloads.newSender()));
		}
		int rounds = 6;
		int deliveries = 0;
		for (int round = 0; round < rounds; round++) {
			// One batch holds a message of every customer, as Meta batches busy accounts.
			List<byte[]> bodies = new ArrayList<>();
			for (WebhookPayloads customer : customers) {
				bodies.add(customer.at(System.currentTimeMillis()).textMessage(QUESTIONS.get(round % 2)).body());
			}
			byte[] batch = batch(bodies);
			int copies = 2 + round % 2;
			List<Thread> concurrent = new ArrayList<>();
			List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
			for (int copy = 0; copy < copies; copy++) {
				Thread thread = new Thread(() -> statuses.add(webhook.post(batch).statusCode()));
				thread.start();
				concurrent.add(thread);
			}
			for (Thread thread : concurrent) {
				thread.join();
			}
			assertThat(statuses).containsOnly(200);
			deliveries += copies;
			// And each message on its own once more, later.
			for (byte[] body : bodies) {
				assertThat(webhook.post(body).statusCode()).isEqualTo(200);
				deliveries++;
			}
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> customers.stream()
				.allMatch((customer) -> Answers.delivered(meta.server(), customer.sender()).size() >= rounds));
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		int repeated = 0;
		for (WebhookPayloads customer : customers) {
			List<String> expected = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				expected.add(this.replies.get(QUESTIONS.get(round % 2)));
			}
			List<String> got = Answers.delivered(meta.server(), customer.sender());
			repeated += Math.max(0, got.size() - rounds);
			assertThat(got).as(customer.sender()).hasSize(rounds);
			for (int i = 0; i < rounds; i++) {
				assertThat(got.get(i)).endsWith(expected.get(i));
			}
		}
		FaultReport.row(
				"Every event delivered 2 or 3 times (concurrently) in batches of 8 entries, then once more alone",
				customers.size() + " customers × " + rounds + " DMs, " + deliveries + " deliveries",
				customers.size() * rounds, 0, repeated, 0, "each event stored once (dedup by message id)");
	}

	/** Cycles 500, 429 and a timeout on every Send API call until removed. */
	private List<StubMapping> metaFailsWith500s429sAndTimeouts() {
		String scenario = "meta-failing";
		List<StubMapping> stubs = new ArrayList<>();
		stubs.add(meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"message\":\"Please retry\",\"code\":2,\"is_transient\":true}}"))
				.willSetStateTo("throttled")));
		stubs.add(meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.inScenario(scenario)
				.whenScenarioStateIs("throttled")
				.willReturn(aResponse().withStatus(429)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\","
							+ "\"code\":613}}"))
				.willSetStateTo("slow")));
		stubs.add(meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.inScenario(scenario)
				.whenScenarioStateIs("slow")
				.willReturn(aResponse().withStatus(503).withFixedDelay(1000))
				.willSetStateTo(Scenario.STARTED)));
		return stubs;
	}

	private DmStream stream(int customers, int messagesEach) {
		return new DmStream(List.of(this.port), MetaApiStub.APP_SECRET, customers, messagesEach, QUESTIONS,
				Duration.ofMillis(250));
	}

	private void assertExactlyOnceInOrder(DmStream stream, Answers answers) {
		assertThat(stream.acknowledged()).isEqualTo(stream.total());
		assertThat(answers.lost()).as(answers.toString()).isZero();
		assertThat(answers.repeated()).as(answers.toString()).isZero();
		assertThat(answers.outOfOrder()).as(answers.toString()).isZero();
	}

	private static byte[] batch(List<byte[]> bodies) {
		tools.jackson.databind.node.ObjectNode batch = JSON.createObjectNode();
		batch.put("object", "instagram");
		tools.jackson.databind.node.ArrayNode entries = batch.putArray("entry");
		for (byte[] body : bodies) {
			JSON.readTree(body).path("entry").forEach(entries::add);
		}
		return JSON.writeValueAsBytes(batch);
	}

	private JsonNode deadLetterFor(WebhookPayloads customer) {
		JsonNode list = JSON.readTree(admin("GET", "/api/admin/dead-letters?limit=1000", null).body());
		for (JsonNode letter : list.path("deadLetters")) {
			if (letter.path("recipient").asString().equals(customer.sender())) {
				return letter;
			}
		}
		return null;
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json");
		request.method(method,
				(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> response = HttpCalls.send(HttpClient.newHttpClient(), request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private double sendErrors() {
		return this.meters.find("bot.send.retries").counters().stream().mapToDouble(Counter::count).sum();
	}

	private double replies(String outcome) {
		Counter counter = this.meters.find("bot.replies").tag("outcome", outcome).counter();
		return (counter == null) ? 0 : counter.count();
	}

}
