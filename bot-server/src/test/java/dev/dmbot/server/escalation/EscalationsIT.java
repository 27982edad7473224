package dev.dmbot.server.escalation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.context.annotation.Import;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalations on real parts: signed webhooks in, the real redis-server, the agent API
 * over HTTP with real tokens, agent replies to a fake Meta (WireMock), notifications to a
 * fake Slack webhook, Meta conversation routing, the live stream, and an injected clock
 * for the 24-hour and 7-day windows and the idle timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + EscalationsIT.ADMIN_TOKEN,
				"bot.escalation.notify-initial-backoff=100ms", "bot.escalation.notify-max-backoff=300ms",
				"bot.escalation.poll-interval=100ms", "bot.escalation.sla=30d",
				"bot.escalation.inbox-url=https://bot.example.com",
				"bot.escalation.inbox-app-id=" + EscalationsIT.INBOX_APP, "bot.meta.app-id=" + EscalationsIT.OUR_APP })
@Import(MovableTime.class)
class EscalationsIT {

	static final String ADMIN_TOKEN = "it-escalations-admin-4Rt8wQ";

	static final String INBOX_APP = "1217981644879628";

	static final String OUR_APP = "5550001112223334";

	static final String ACCOUNT = WebhookPayloads.ACCOUNT;

	static final String OTHER_ACCOUNT = "17841400000000999";

	static final String NOTIFY_PATH = "/services/T000/B000/slack-secret-path";

	static final MetaApiStub meta = new MetaApiStub();

	static final WireMockServer slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		slack.start();
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).atPriority(10).willReturn(ok("ok")));
		meta.server()
			.stubFor(post(urlPathMatching("/v25.0/[0-9]+/(pass|take)_thread_control"))
				.willReturn(okJson("{\"success\":true}")));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.escalation.notify-url", () -> slack.baseUrl() + NOTIFY_PATH);
	}

	@AfterAll
	static void stopSlack() {
		slack.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	EscalationService escalations;

	@Autowired
	EscalationEvents events;

	@Autowired
	ContextStore contexts;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	MovableClock clock;

	final JsonMapper json = JsonMapper.builder().build();

	AgentApi api;

	WebhookClient webhook;

	WebhookPayloads customer;

	String agent;

	String agentName;

	@BeforeEach
	void setUp() {
		this.api = new AgentApi(this.port);
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
		this.agentName = "ana-" + System.nanoTime();
		this.agent = this.api.issue(ADMIN_TOKEN, this.agentName, "AGENT", null);
	}

	@Test
	void anAgentListsReadsClaimsRepliesNotesAndResolves() {
		customerSays("hi");
		Escalation escalation = this.escalations.open(request(ACCOUNT, this.customer.sender(), "refund", "care", "high",
				Map.of("order", "A-1042"), "A teammate will reply within 4 hours."));

		assertThat(this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "refund", "care", "high", Map.of(), null))
			.id()).as("a redelivered event opens nothing new").isEqualTo(escalation.id());
		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender()))
			.hasValueSatisfying(paused -> assertThat(paused.id()).isEqualTo(escalation.id()));

		JsonNode queued = entry(this.api.json(this.api.get("/api/escalations?team=care", this.agent)), escalation.id());
		assertThat(queued.path("accountId").asString()).isEqualTo(ACCOUNT);
		assertThat(queued.path("senderId").asString()).isEqualTo(this.customer.sender());
		assertThat(queued.path("reason").asString()).isEqualTo("refund");
		assertThat(queued.path("priority").asString()).isEqualTo("high");
		assertThat(queued.path("status").asString()).isEqualTo("open");
		assertThat(queued.path("lastCustomerMessage").asString()).isEqualTo("hi");
		assertThat(queued.path("age").asLong()).isGreaterThanOrEqualTo(0);

		HttpResponse<String> read = this.api.get("/api/escalations/" + escalation.id(), this.agent);
		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode detail = this.api.json(read);
		assertThat(detail.path("escalation").path("id").asString()).isEqualTo(escalation.id());
		assertThat(detail.path("slots").path("order").asString()).isEqualTo("A-1042");
		assertThat(detail.path("customerMessage").asString()).isEqualTo("A teammate will reply within 4 hours.");
		assertThat(detail.path("replyWindow").asString()).isEqualTo("standard");
		JsonNode conversation = detail.path("conversation");
		assertThat(conversation.get(0).path("direction").asString()).isEqualTo("in");
		assertThat(conversation.get(0).path("text").asString()).isEqualTo("hi");
		JsonNode botReply = conversation.get(1);
		assertThat(botReply.path("direction").asString()).isEqualTo("out");
		assertThat(botReply.path("intent").asString()).isEqualTo("greeting");
		assertThat(botReply.path("rules")).isNotEmpty();
		assertThat(botReply.path("facts").path("intent").asString()).isEqualTo("greeting");

		JsonNode claimed = this.api
			.json(this.api.post("/api/escalations/" + escalation.id() + "/claim", this.agent, null));
		assertThat(claimed.path("status").asString()).isEqualTo("claimed");
		assertThat(claimed.path("assignee").asString()).isEqualTo(this.agentName);

		HttpResponse<String> replied = this.api.post("/api/escalations/" + escalation.id() + "/replies", this.agent,
				"{\"text\":\"Hi, I'm Ana from care. Your refund is on its way.\"}");
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);
		assertThat(this.api.json(replied).path("window").asString()).isEqualTo("standard");
		assertThat(lastSendBody()).isEqualTo(this.json.readTree("{\"recipient\":{\"id\":\"" + this.customer.sender()
				+ "\"},\"message\":{\"text\":\"Hi, I'm Ana from care. Your refund is on its way.\"}}"));

		lastInboundAgo(Duration.ofDays(2));
		HttpResponse<String> tagged = this.api.post("/api/escalations/" + escalation.id() + "/replies", this.agent,
				"{\"text\":\"Following up on your refund.\"}");
		assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(201);
		assertThat(this.api.json(tagged).path("tag").asString()).isEqualTo("HUMAN_AGENT");
		assertThat(lastSendBody()).isEqualTo(this.json.readTree("{\"recipient\":{\"id\":\"" + this.customer.sender()
				+ "\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\","
				+ "\"message\":{\"text\":\"Following up on your refund.\"}}"));

		lastInboundAgo(Duration.ofDays(8));
		int sendsBefore = meta.sentTo(this.customer.sender()).size();
		HttpResponse<String> tooLate = this.api.post("/api/escalations/" + escalation.id() + "/replies", this.agent,
				"{\"text\":\"Are you still there?\"}");
		assertThat(tooLate.statusCode()).isEqualTo(409);
		assertThat(error(tooLate)).contains("8 days old").contains("7 days");
		assertThat(meta.sentTo(this.customer.sender())).hasSize(sendsBefore);

		HttpResponse<String> empty = this.api.post("/api/escalations/" + escalation.id() + "/replies", this.agent,
				"{\"text\":\"  \"}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(error(empty)).contains("text");

		HttpResponse<String> noted = this.api.post("/api/escalations/" + escalation.id() + "/notes", this.agent,
				"{\"text\":\"Refund approved by Rui\"}");
		assertThat(noted.statusCode()).isEqualTo(201);
		assertThat(meta.sentTo(this.customer.sender())).hasSize(sendsBefore);

		JsonNode after = this.api.json(this.api.get("/api/escalations/" + escalation.id(), this.agent));
		assertThat(after.path("notes").get(0).path("text").asString()).isEqualTo("Refund approved by Rui");
		assertThat(after.path("notes").get(0).path("author").asString()).isEqualTo(this.agentName);
		assertThat(after.path("replyWindow").asString()).isEqualTo("closed");
		List<String> kinds = new ArrayList<>();
		for (JsonNode entry : after.path("conversation")) {
			kinds.add(entry.path("kind").asString());
			if ("agent".equals(entry.path("kind").asString())) {
				assertThat(entry.path("direction").asString()).isEqualTo("out");
				assertThat(entry.path("facts").path("agent").asString()).isEqualTo(this.agentName);
				assertThat(entry.path("outcome").asString()).isEqualTo("sent");
			}
		}
		assertThat(kinds).containsSubsequence("message", "reply", "agent", "agent", "note");
		assertThat(after.path("escalation").path("firstAgentReplyAt").isMissingNode()).isFalse();
		assertThat(counter("bot_escalations_first_reply_seconds_count")).isGreaterThanOrEqualTo(1);

		HttpResponse<String> resolved = this.api.post("/api/escalations/" + escalation.id() + "/resolve", this.agent,
				null);
		assertThat(resolved.statusCode()).isEqualTo(200);
		assertThat(this.api.json(resolved).path("status").asString()).isEqualTo("resolved");
		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender())).isEmpty();
		assertThat(entryOrNull(this.api.json(this.api.get("/api/escalations", this.agent)), escalation.id())).isNull();

		HttpResponse<String> again = this.api.post("/api/escalations/" + escalation.id() + "/resolve", this.agent,
				null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(error(again)).contains("was resolved by " + this.agentName);
		HttpResponse<String> replyAfter = this.api.post("/api/escalations/" + escalation.id() + "/replies", this.agent,
				"{\"text\":\"one more thing\"}");
		assertThat(replyAfter.statusCode()).isEqualTo(409);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(meta.server()
				.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ACCOUNT + "/take_thread_control"))
					.withRequestBody(containing(this.customer.sender()))))
				.hasSize(1));
		LoggedRequest passed = meta.server()
			.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ACCOUNT + "/pass_thread_control"))
				.withRequestBody(containing(this.customer.sender())))
			.get(0);
		JsonNode pass = this.json.readTree(passed.getBodyAsString());
		assertThat(pass.path("recipient").path("id").asString()).isEqualTo(this.customer.sender());
		assertThat(pass.path("target_app_id").asString()).isEqualTo(INBOX_APP);
		assertThat(pass.path("metadata").asString()).startsWith("refund");
		assertThat(passed.getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
	}

	@Test
	void handingBackEndsThePauseAndIsCounted() {
		Escalation escalation = this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "asked_for_human", "sales", null, Map.of(), null));
		double before = counter("bot_escalations_handed_back_total");

		HttpResponse<String> handedBack = this.api.post("/api/escalations/" + escalation.id() + "/handback", this.agent,
				null);

		assertThat(handedBack.statusCode()).isEqualTo(200);
		assertThat(this.api.json(handedBack).path("status").asString()).isEqualTo("handed_back");
		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender())).isEmpty();
		assertThat(counter("bot_escalations_handed_back_total")).isEqualTo(before + 1);
		assertThat(this.api.post("/api/escalations/" + escalation.id() + "/notes", this.agent, "{\"text\":\"late\"}")
			.statusCode()).isEqualTo(409);
	}

	@Test
	void theInboxPassingTheThreadBackToOurAppHandsTheEscalationBack() {
		Escalation escalation = this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "complaint", "care", "urgent", Map.of(), null));

		this.escalations.threadControlChanged(ACCOUNT, this.customer.sender(), "9999999999", "someone else");
		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender())).isPresent();

		this.escalations.threadControlChanged(ACCOUNT, this.customer.sender(), OUR_APP, "done in the Inbox");

		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender())).isEmpty();
		JsonNode detail = this.api.json(this.api.get("/api/escalations/" + escalation.id(), this.agent));
		assertThat(detail.path("escalation").path("status").asString()).isEqualTo("handed_back");
		assertThat(detail.path("escalation").path("closedBy").asString()).isEqualTo("inbox");
	}

	@Test
	void theIdleTimeoutResumesAutomation() {
		Escalation escalation = this.escalations.open(new EscalationRequest(ACCOUNT, this.customer.sender(), "refund",
				"care", "normal", Duration.ofHours(1), null, null, null, Map.of(), Set.of()));
		this.escalations.customerWrote(escalation, "hello?", this.clock.instant().plus(Duration.ofMinutes(30)));

		this.clock.advance(Duration.ofMinutes(80));
		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender())).as("30 minutes of the hour left")
			.isPresent();

		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.escalations.pausing(ACCOUNT, this.customer.sender())).isEmpty();
		JsonNode detail = this.api.json(this.api.get("/api/escalations/" + escalation.id(), this.agent));
		assertThat(detail.path("escalation").path("status").asString()).isEqualTo("timed_out");
		assertThat(this.api.post("/api/escalations/" + escalation.id() + "/claim", this.agent, null).statusCode())
			.isEqualTo(409);
	}

	@Test
	void aNotificationWebhookThatIsDownThenUpGetsTheEscalationExactlyOnce() {
		// Words no Escalations row matches, so only this test opens the escalation.
		customerSays("Do you ship to Lisbon?");
		Escalation escalation = this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "refund", "care", "urgent", Map.of(), null));
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id()))
			.inScenario(escalation.id())
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("still down"));
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id()))
			.inScenario(escalation.id())
			.whenScenarioStateIs("still down")
			.willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id()))
			.inScenario(escalation.id())
			.whenScenarioStateIs("up")
			.willReturn(ok("ok")));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications(escalation)).hasSize(3));
		sleep(Duration.ofMillis(1500));
		assertThat(notifications(escalation)).hasSize(3);
		String text = this.json.readTree(notifications(escalation).get(2).getBodyAsString()).path("text").asString();
		assertThat(text).startsWith("New escalation for team care (urgent priority): refund")
			.contains("wrote: \u201CDo you ship to Lisbon?\u201D")
			.endsWith("https://bot.example.com/inbox/#" + escalation.id());
		assertThat(counter("bot_escalations_notifications_total", "kind", "opened", "outcome", "delivered"))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void aNotificationTheWebhookRefusesIsDeadLetteredAndCounted() {
		double before = counter("bot_escalations_notifications_total", "kind", "opened", "outcome", "dead");
		Escalation escalation = this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "refund", "care", "normal", Map.of(), null));
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id()))
			.willReturn(aResponse().withStatus(404).withBody("no_service")));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.redis.xrange(EscalationKeys.NOTIFY_DEAD_LETTERS, "-", "+")
				.stream()
				.anyMatch(letter -> escalation.id().equals(letter.getFields().get("escalation"))));

		Map<String, String> letter = this.redis.xrange(EscalationKeys.NOTIFY_DEAD_LETTERS, "-", "+")
			.stream()
			.filter(entry -> escalation.id().equals(entry.getFields().get("escalation")))
			.findFirst()
			.orElseThrow()
			.getFields();
		assertThat(letter).containsEntry("kind", "opened")
			.containsEntry("attempts", "1")
			.containsEntry("error", "HTTP 404 from the notification webhook: no_service");
		assertThat(notifications(escalation)).hasSize(1);
		assertThat(counter("bot_escalations_notifications_total", "kind", "opened", "outcome", "dead"))
			.isEqualTo(before + 1);
	}

	@Test
	void anEscalationWithoutAnAgentReplyWithinItsSlaIsNotifiedAgainOnce() {
		Escalation late = this.escalations.open(new EscalationRequest(ACCOUNT, this.customer.sender(), "refund", "care",
				"high", null, Duration.ofSeconds(2), null, null, Map.of(), Set.of()));
		WebhookPayloads answered = WebhookPayloads.from(WebhookPayloads.newSender());
		this.webhook.post(answered.textMessage("hello"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !meta.sentTo(answered.sender()).isEmpty());
		Escalation onTime = this.escalations.open(new EscalationRequest(ACCOUNT, answered.sender(), "refund", "care",
				"high", null, Duration.ofSeconds(2), null, null, Map.of(), Set.of()));
		assertThat(this.api.post("/api/escalations/" + onTime.id() + "/replies", this.agent, "{\"text\":\"On it!\"}")
			.statusCode()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications(late)).hasSize(2));
		sleep(Duration.ofSeconds(2));

		assertThat(notifications(late)).hasSize(2);
		assertThat(this.json.readTree(notifications(late).get(1).getBodyAsString()).path("text").asString())
			.startsWith("Still no agent reply after");
		assertThat(notifications(onTime)).hasSize(1);
	}

	@Test
	void anAgentBoundToOneAccountNeverSeesAnotherAccountsEscalations() {
		String bound = this.api.issue(ADMIN_TOKEN, "bound-" + System.nanoTime(), "AGENT", "[\"" + ACCOUNT + "\"]");
		Escalation mine = this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "refund", "care", null, Map.of(), null));
		Escalation theirs = this.escalations
			.open(request(OTHER_ACCOUNT, WebhookPayloads.newSender(), "refund", "care", null, Map.of(), null));

		HttpResponse<String> other = this.api.get("/api/escalations/" + theirs.id(), bound);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(error(other)).contains(theirs.id());
		assertThat(this.api.post("/api/escalations/" + theirs.id() + "/claim", bound, null).statusCode())
			.isEqualTo(404);
		assertThat(
				this.api.post("/api/escalations/" + theirs.id() + "/replies", bound, "{\"text\":\"hi\"}").statusCode())
			.isEqualTo(404);
		JsonNode list = this.api.json(this.api.get("/api/escalations?status=all", bound));
		assertThat(entryOrNull(list, theirs.id())).isNull();
		assertThat(entryOrNull(list, mine.id())).isNotNull();
		for (JsonNode entry : list) {
			assertThat(entry.path("accountId").asString()).isEqualTo(ACCOUNT);
		}

		assertThat(this.api.get("/api/escalations/" + theirs.id(), this.agent).statusCode())
			.as("a token bound to no account sees every account")
			.isEqualTo(200);
		assertThat(this.api.get("/api/escalations/" + theirs.id(), ADMIN_TOKEN).statusCode()).isEqualTo(200);
	}

	@Test
	void theLiveStreamShowsNewEscalationsOfTheAgentsAccountsOnly() throws Exception {
		String bound = this.api.issue(ADMIN_TOKEN, "live-" + System.nanoTime(), "AGENT", "[\"" + ACCOUNT + "\"]");
		await().atMost(Duration.ofSeconds(10)).until(this.events::subscribed);
		try (LiveStream stream = LiveStream.open(this.api, bound)) {
			assertThat(stream.response().statusCode()).isEqualTo(200);
			assertThat(stream.response().headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
			assertThat(stream.nextLine(5)).isEqualTo(":connected");

			Escalation theirs = this.escalations
				.open(request(OTHER_ACCOUNT, WebhookPayloads.newSender(), "vip", "sales", null, Map.of(), null));
			Escalation mine = this.escalations
				.open(request(ACCOUNT, this.customer.sender(), "refund", "care", "urgent", Map.of(), null));

			LiveStream.Event opened = stream.nextEvent();
			assertThat(opened.name()).isEqualTo("escalation");
			JsonNode data = this.json.readTree(opened.data());
			assertThat(data.path("id").asString()).as("never %s of the other account", theirs.id())
				.isEqualTo(mine.id());
			assertThat(data.path("accountId").asString()).isEqualTo(ACCOUNT);
			assertThat(data.path("change").asString()).isEqualTo("opened");
			assertThat(data.path("priority").asString()).isEqualTo("urgent");

			this.escalations.customerWrote(mine, "Anyone there?", Instant.now());
			LiveStream.Event message = stream.nextEvent();
			assertThat(message.name()).isEqualTo("message");
			JsonNode said = this.json.readTree(message.data());
			assertThat(said.path("escalationId").asString()).isEqualTo(mine.id());
			assertThat(said.path("accountId").asString()).isEqualTo(ACCOUNT);
			assertThat(said.path("direction").asString()).isEqualTo("in");
			assertThat(said.path("text").asString()).isEqualTo("Anyone there?");
		}
	}

	@Test
	void theOpenApiDocumentListsTheAgentApiWithoutAToken() {
		HttpResponse<String> docs = this.api.get("/v3/api-docs", null);

		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode paths = this.api.json(docs).path("paths");
		assertThat(paths.has("/api/escalations")).isTrue();
		assertThat(paths.has("/api/escalations/{id}")).isTrue();
		assertThat(paths.has("/api/escalations/{id}/claim")).isTrue();
		assertThat(paths.has("/api/escalations/{id}/replies")).isTrue();
		assertThat(paths.has("/api/escalations/{id}/notes")).isTrue();
		assertThat(paths.has("/api/escalations/{id}/resolve")).isTrue();
		assertThat(paths.has("/api/escalations/{id}/handback")).isTrue();
		assertThat(paths.has("/api/escalations/stream")).isTrue();
		assertThat(paths.path("/api/escalations").path("get").path("summary").asString()).isEqualTo("The queue");
	}

	@Test
	void onlyAgentAndAdminTokensMayCallTheAgentApi() {
		String analyst = this.api.issue(ADMIN_TOKEN, "analyst-" + System.nanoTime(), "ANALYST", null);

		assertThat(this.api.get("/api/escalations", null).statusCode()).isEqualTo(401);
		assertThat(this.api.get("/api/escalations", analyst).statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/escalations", this.agent).statusCode()).isEqualTo(200);
		assertThat(this.api.get("/api/escalations", ADMIN_TOKEN).statusCode()).isEqualTo(200);
		// Analysts may be bound to accounts now (issue 16), integrations may not; a bound
		// analyst still has no agent API.
		HttpResponse<String> integrationBound = this.api.post("/api/admin/tokens", ADMIN_TOKEN, "{\"name\":\"x-"
				+ System.nanoTime() + "\",\"role\":\"INTEGRATION\",\"accounts\":[\"" + ACCOUNT + "\"]}");
		assertThat(integrationBound.statusCode()).isEqualTo(400);
		assertThat(error(integrationBound)).contains("AGENT or ANALYST");
		String analystBound = this.api.issue(ADMIN_TOKEN, "z-" + System.nanoTime(), "ANALYST", "[\"" + ACCOUNT + "\"]");
		assertThat(this.api.get("/api/escalations", analystBound).statusCode()).isEqualTo(403);
		HttpResponse<String> badAccount = this.api.post("/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"y-" + System.nanoTime() + "\",\"role\":\"AGENT\",\"accounts\":[\"shop\"]}");
		assertThat(badAccount.statusCode()).isEqualTo(400);
		assertThat(error(badAccount)).contains("'shop'");
		HttpResponse<String> unknown = this.api.get("/api/escalations/01ARZ3NDEKTSV4RRFFQ69G5FAV", this.agent);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/escalations?status=pending", this.agent).statusCode()).isEqualTo(400);
	}

	@Test
	void openingIsCountedByReasonAndTeamAndTheQueueGaugeReadsRedis() {
		double before = counter("bot_escalations_opened_total", "reason", "warranty", "team", "repairs");
		Escalation escalation = this.escalations
			.open(request(ACCOUNT, this.customer.sender(), "warranty", "repairs", "low", Map.of(), null));
		this.escalations.open(request(ACCOUNT, this.customer.sender(), "warranty", "repairs", "low", Map.of(), null));

		assertThat(counter("bot_escalations_opened_total", "reason", "warranty", "team", "repairs"))
			.isEqualTo(before + 1);
		assertThat(counter("bot_escalations_queue", "team", "repairs")).isGreaterThanOrEqualTo(1);
		this.api.post("/api/escalations/" + escalation.id() + "/resolve", this.agent, null);
		assertThat(counter("bot_escalations_queue", "team", "repairs")).isEqualTo(0);
		assertThat(metrics()).contains("bot_escalations_resolve_seconds_count");
	}

	private void customerSays(String text) {
		int before = meta.sentTo(this.customer.sender()).size();
		assertThat(this.webhook.post(this.customer.textMessage(text)).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> meta.sentTo(this.customer.sender()).size() > before);
	}

	private void lastInboundAgo(Duration age) {
		ConversationContext context = this.contexts.load(ACCOUNT, this.customer.sender());
		ConversationContext older = new ConversationContext(ACCOUNT, this.customer.sender(), context.firstSeen(),
				this.clock.instant().minus(age), context.state(), context.lastIntent(), context.inboundCount(),
				context.unknownStreak(), context.tags(), context.attributes(), context.flows());
		try (AbstractTransaction transaction = this.redis.multi()) {
			this.contexts.save(transaction, older);
			transaction.exec();
		}
	}

	private JsonNode lastSendBody() {
		List<LoggedRequest> sent = meta.sentTo(this.customer.sender());
		return this.json.readTree(sent.get(sent.size() - 1).getBodyAsString());
	}

	private static List<LoggedRequest> notifications(Escalation escalation) {
		return slack
			.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id())));
	}

	private static EscalationRequest request(String account, String sender, String reason, String team, String priority,
			Map<String, String> slots, String told) {
		return new EscalationRequest(account, sender, reason, team, priority, null, null,
				"test.xlsx › Escalations › row 2", told, slots, Set.of("vip"));
	}

	private String error(HttpResponse<String> response) {
		return this.api.json(response).path("error").asString();
	}

	private static JsonNode entry(JsonNode list, String id) {
		JsonNode entry = entryOrNull(list, id);
		assertThat(entry).as("%s in %s", id, list).isNotNull();
		return entry;
	}

	private static JsonNode entryOrNull(JsonNode list, String id) {
		for (JsonNode entry : list) {
			if (entry.path("id").asString().equals(id)) {
				return entry;
			}
		}
		return null;
	}

	private String metrics() {
		return this.api.get("/actuator/prometheus", null).body();
	}

	/** The value of a Prometheus sample with these tags, or 0 when there is none. */
	private double counter(String name, String... tags) {
		for (String line : metrics().split("\n")) {
			if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
				continue;
			}
			boolean all = true;
			for (int i = 0; i < tags.length; i += 2) {
				all &= line.contains(tags[i] + "=\"" + tags[i + 1] + "\"");
			}
			if (all) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
