package dev.dmbot.server.attribution;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

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

import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.Experiment;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.followups.FollowUpKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A/B-tested replies and conversions on real parts: the shipped workbook's pricing row
 * tests two wordings; signed webhooks in, the exact wording out to a fake Meta, the
 * person's wording and last reply in a real redis-server, conversions reported over HTTP
 * and credited to the rule, flow and wording, and the figures in {@code GET
 * /api/admin/experiments}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + ExperimentsIT.ADMIN_TOKEN, "bot.followups.poll-interval=50ms",
				"bot.profile.timeout=500ms" })
@Import(MovableTime.class)
class ExperimentsIT {

	static final String ADMIN_TOKEN = "it-experiments-admin-token-4Rw9";

	static final MetaApiStub meta = new MetaApiStub();

	static final String PRICING = "pricing_wording";

	static final String PRICING_ROW = "lumen-oak.xlsx › Replies › row 27";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DecisionEngine rules;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	WebhookClient webhook;

	@BeforeEach
	void setUp() {
		MovableClock movable = (MovableClock) this.clock;
		movable.advanceTo(movable.next(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), ZoneId.of("Europe/Lisbon")));
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
	}

	@Test
	void eachPersonSticksToOneWordingAndItsSendsAndRepliesAreCounted() {
		Experiment pricing = pricing();
		WebhookPayloads a = personDrawing("A");
		WebhookPayloads b = personDrawing("B");
		JsonNode before = variantFigures("A");
		double sendsOfB = counter("bot.experiments.sends", "B");

		List<String> toA = List.of(ask(a, "how much is the oak bookshelf?"), ask(a, "and how much is a dining chair?"),
				ask(a, "what does the wool throw cost?"));
		String toB = ask(b, "how much is the oak bookshelf?");

		assertThat(toA).containsOnly(pricing.variant("A").orElseThrow().text());
		assertThat(toB).isEqualTo(pricing.variant("B").orElseThrow().text());
		assertThat(
				this.redis.hget(ContextKeys.context(WebhookPayloads.ACCOUNT, a.sender()), "_touch.variant." + PRICING))
			.isEqualTo("A");
		JsonNode after = variantFigures("A");
		assertThat(after.path("people").asLong()).isEqualTo(before.path("people").asLong() + 1);
		assertThat(after.path("sends").asLong()).isEqualTo(before.path("sends").asLong() + 3);
		// The second and third questions answered the wording sent before them.
		assertThat(after.path("replies").asLong()).isEqualTo(before.path("replies").asLong() + 2);
		assertThat(after.path("share").asInt()).isEqualTo(50);
		assertThat(counter("bot.experiments.sends", "B")).isEqualTo(sendsOfB + 1);
	}

	@Test
	void aPersonKeepsTheWordingStoredForThemEvenIfTheDrawWouldGiveAnother() {
		WebhookPayloads drawsA = personDrawing("A");
		this.redis.hset(ContextKeys.context(WebhookPayloads.ACCOUNT, drawsA.sender()), "_touch.variant." + PRICING,
				"B");

		assertThat(ask(drawsA, "how much is the oak bookshelf?"))
			.isEqualTo(pricing().variant("B").orElseThrow().text());
	}

	@Test
	void aConversionIsCreditedToTheRuleAndWordingOnceAndCancelsTheFollowUp() {
		WebhookPayloads customer = personDrawing("B");
		ask(customer, "how much is the oak bookshelf?");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.redis.exists(FollowUpKeys.followUp(WebhookPayloads.ACCOUNT, customer.sender())));
		JsonNode before = variantFigures("B");
		String order = "{\"id\":\"order-" + customer.sender() + "\",\"accountId\":\"" + WebhookPayloads.ACCOUNT
				+ "\",\"senderId\":\"" + customer.sender()
				+ "\",\"type\":\"order\",\"value\":1299.50,\"currency\":\"eur\"}";

		HttpResponse<String> first = post("/api/conversions", order);
		HttpResponse<String> again = post("/api/conversions", order);

		assertThat(first.statusCode()).isEqualTo(201);
		JsonNode attribution = this.json.readTree(first.body()).path("attribution");
		assertThat(attribution.path("rule").asString()).isEqualTo(PRICING_ROW);
		assertThat(attribution.path("variants").get(0).path("experiment").asString()).isEqualTo(PRICING);
		assertThat(attribution.path("variants").get(0).path("variant").asString()).isEqualTo("B");
		assertThat(this.json.readTree(first.body()).path("currency").asString()).isEqualTo("EUR");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(again.body())).isEqualTo(this.json.readTree(first.body()));
		JsonNode after = variantFigures("B");
		assertThat(after.path("conversions").asLong()).isEqualTo(before.path("conversions").asLong() + 1);
		assertThat(after.path("value").path("EUR").asDouble())
			.isEqualTo(before.path("value").path("EUR").asDouble() + 1299.5);
		assertThat(this.redis.exists(FollowUpKeys.followUp(WebhookPayloads.ACCOUNT, customer.sender()))).isFalse();
		((MovableClock) this.clock).advance(Duration.ofHours(3));
		await().during(Duration.ofMillis(400))
			.atMost(Duration.ofSeconds(2))
			.until(() -> meta.sentTo(customer.sender()).size() == 1);
		JsonNode report = this.json.readTree(get("/api/conversions?account=" + WebhookPayloads.ACCOUNT).body());
		assertThat(report.path("credited").path("rule").path(PRICING_ROW).asLong()).isPositive();
	}

	@Test
	void aConversionAfterAFlowIsCreditedToTheFlow() {
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
		ask(customer, "I'd like to book a design consultation");

		JsonNode booking = this.json
			.readTree(post("/api/conversions", "{\"id\":\"booking-" + customer.sender() + "\",\"accountId\":\""
					+ WebhookPayloads.ACCOUNT + "\",\"senderId\":\"" + customer.sender() + "\",\"type\":\"Booking\"}")
				.body());

		assertThat(booking.path("type").asString()).isEqualTo("booking");
		assertThat(booking.path("attribution").path("flow").asString()).isEqualTo("design_project");
		assertThat(booking.path("attribution").path("rule").asString()).startsWith("lumen-oak.xlsx › ");
	}

	@Test
	void aConversionOfSomeoneTheBotNeverAnsweredIsRecordedUncredited() {
		HttpResponse<String> response = post("/api/conversions",
				"{\"id\":\"walk-in-1\",\"accountId\":\"" + WebhookPayloads.ACCOUNT + "\",\"senderId\":\""
						+ WebhookPayloads.newSender() + "\",\"type\":\"order\"}");

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode attribution = this.json.readTree(response.body()).path("attribution");
		assertThat(attribution.hasNonNull("rule")).isFalse();
		assertThat(attribution.path("variants").size()).isZero();
	}

	@Test
	void aBadConversionIsRefusedWithTheFieldToFix() {
		String account = "\"accountId\":\"" + WebhookPayloads.ACCOUNT + "\"";
		assertThat(refusal("{\"id\":\"o-1\"," + account + ",\"type\":\"order\"}")).isEqualTo("\"senderId\" is missing");
		assertThat(
				refusal("{\"id\":\"o-1\"," + account + ",\"senderId\":\"1\",\"type\":\"order\",\"currency\":\"EUR\"}"))
			.startsWith("\"currency\" is given without a \"value\"");
		assertThat(refusal("{\"id\":\"o-1\"," + account
				+ ",\"senderId\":\"1\",\"type\":\"order\",\"value\":10,\"currency\":\"EURO\"}"))
			.contains("no ISO 4217 currency code");
		assertThat(refusal("{\"id\":\"o-1\"," + account
				+ ",\"senderId\":\"1\",\"type\":\"order\",\"occurredAt\":\"2099-01-01T00:00:00Z\"}"))
			.contains("in the future");
		assertThat(refusal("{\"id\":\"o-1\"," + account + ",\"senderId\":\"1\",\"type\":\"an order!\"}"))
			.contains("\"type\" is \"an order!\"");
		assertThat(refusal("{\"id\":\"o-1\",\"value\":\"lots\"}")).startsWith("the body is not a conversion");
		assertThat(refusal("not json")).startsWith("the body is not a conversion");
	}

	@Test
	void explainShowsWordingAAndTheTest() {
		JsonNode explanation = this.json
			.readTree(post("/api/admin/rules/explain", "{\"text\":\"how much is the oak bookshelf?\"}").body());

		assertThat(explanation.path("reply").asString()).isEqualTo(pricing().variant("A").orElseThrow().text());
		assertThat(explanation.path("experiment").asString())
			.isEqualTo("pricing_wording: wording A shown; customers each stick to one of A (50%), B (50%)");
	}

	@Test
	void conversionsNeedAToken() {
		HttpResponse<String> response = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/conversions"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private Experiment pricing() {
		return this.rules.live()
			.experiments()
			.values()
			.stream()
			.filter((experiment) -> experiment.name().equals(PRICING))
			.findFirst()
			.orElseThrow();
	}

	/** A new customer whom the draw gives this wording. */
	private WebhookPayloads personDrawing(String label) {
		while (true) {
			String sender = WebhookPayloads.newSender();
			if (StickyVariants.drawn(pricing(), sender).equals(label)) {
				return WebhookPayloads.from(sender);
			}
		}
	}

	/** Sends a message and returns the text of the reply. */
	private String ask(WebhookPayloads customer, String text) {
		int before = meta.sentTo(customer.sender()).size();
		assertThat(this.webhook.post(customer.at(this.clock.millis()).textMessage(text)).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> meta.sentTo(customer.sender()).size() > before);
		LoggedRequest sent = meta.sentTo(customer.sender()).get(before);
		// The reply is sent before it is counted.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.redis.hexists(ContextKeys.context(WebhookPayloads.ACCOUNT, customer.sender()),
					"_touch.last.at"));
		return this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString();
	}

	private JsonNode variantFigures(String label) {
		JsonNode experiments = this.json
			.readTree(get("/api/admin/experiments?account=" + WebhookPayloads.ACCOUNT).body())
			.path("experiments");
		for (JsonNode experiment : experiments) {
			if (experiment.path("experiment").asString().equals(PRICING)) {
				assertThat(experiment.path("live").asBoolean()).isTrue();
				assertThat(experiment.path("row").asString()).isEqualTo(PRICING_ROW);
				for (JsonNode variant : experiment.path("variants")) {
					if (variant.path("variant").asString().equals(label)) {
						return variant;
					}
				}
			}
		}
		throw new AssertionError("no variant " + label + " of " + PRICING + " in " + experiments);
	}

	private double counter(String name, String variant) {
		Counter counter = this.meters.find(name).tag("experiment", PRICING).tag("variant", variant).counter();
		return (counter == null) ? 0 : counter.count();
	}

	private String refusal(String body) {
		HttpResponse<String> response = post("/api/conversions", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return this.json.readTree(response.body()).path("error").asString();
	}

	private HttpResponse<String> post(String path, String body) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(String path) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.GET());
	}

}
