package dev.dmbot.server.escalation;

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
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.context.ContextKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot stepping aside on real parts: signed webhooks in, the shipped workbook's
 * Escalations sheet deciding, the escalation and the paused conversation in a real
 * redis-server, the agent API, and the exact Send API calls out to a fake Meta.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + HandoverIT.ADMIN_TOKEN, "bot.profile.enabled=false",
				"bot.meta.app-id=" + HandoverIT.APP_ID })
@Import(MovableTime.class)
class HandoverIT {

	static final String ADMIN_TOKEN = "it-handover-admin-token-9Zr4c";

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	static final MetaApiStub meta = new MetaApiStub();

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
	EscalationService escalations;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	WebhookClient webhook;

	WebhookPayloads customer;

	String agentToken;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
		// Wednesday 11:00 in Porto: Lumen & Oak's team is in.
		movable().advanceTo(movable().next(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), LISBON));
		HttpResponse<String> issued = call("POST", "/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"rita-" + this.customer.sender() + "\",\"role\":\"AGENT\"}");
		assertThat(issued.statusCode()).isEqualTo(201);
		this.agentToken = this.json.readTree(issued.body()).path("token").asString();
	}

	@Test
	void askingForAPersonSendsTheHandoverOnceAndTheBotFallsSilentForEveryLaterMessage() {
		assertThat(say("Can I talk to someone from your team please?"))
			.isEqualTo("Of course! A teammate will reply here within about an hour 🙋");

		say("hello?", false);
		say("What time do you open on Saturday?", false);
		this.webhook.post(this.customer.at(this.clock.millis()).quickReply("Shipping", "ICEBREAKER_SHIPPING"));

		JsonNode escalation = awaitQueued();
		assertThat(escalation.path("reason").asString()).isEqualTo("asked_for_human");
		assertThat(escalation.path("team").asString()).isEqualTo("care");
		assertThat(escalation.path("trigger").asString()).isEqualTo("lumen-oak.xlsx › Escalations › row 9");
		String id = escalation.path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(conversationTexts(id)).containsSubsequence(
					"Can I talk to someone from your team please?",
					"Of course! A teammate will reply here within about an hour 🙋", "hello?",
					"What time do you open on Saturday?", "Shipping"));
		assertThat(meta.sentTo(this.customer.sender())).hasSize(1);
		JsonNode botReply = detail(id).path("conversation").get(1);
		assertThat(botReply.path("rules").get(0).asString()).isEqualTo("lumen-oak.xlsx › Replies › row 35");
		assertThat(botReply.path("rules").get(1).asString()).isEqualTo("lumen-oak.xlsx › Escalations › row 9");
		assertThat(botReply.path("facts").path("escalation").asString()).contains("to care (asked_for_human, normal)");
		assertThat(context().get("tags").split(",")).contains("needs_human", "team_care");
	}

	@Test
	void anEventHandledAgainAfterACrashStillSendsItsHandoverMessageOnce() {
		// The escalation was opened, then the server died before the reply was recorded:
		// Meta's redelivery is handled again.
		WebhookPayloads.Delivery ask = this.customer.at(this.clock.millis())
			.textMessage("Can I talk to someone from your team please?");
		this.escalations.open(new EscalationRequest(WebhookPayloads.ACCOUNT, this.customer.sender(), "asked_for_human",
				"care", "normal", null, null, "lumen-oak.xlsx › Escalations › row 9", null, Map.of(),
				java.util.Set.of(), "message:" + ask.mid()));

		assertThat(this.webhook.post(ask).statusCode()).isEqualTo(200);
		assertThat(textOf(awaitSends(1).get(0)))
			.isEqualTo("Of course! A teammate will reply here within about an hour 🙋");
		assertThat(this.webhook.post(ask).statusCode()).isEqualTo(200);
		say("hello?", false);
		assertThat(meta.sentTo(this.customer.sender())).hasSize(1);
	}

	@Test
	void theAgentsReplyReachesTheCustomerAndResolvingGivesTheConversationBackToTheBot() {
		say("I want to speak to a human");
		String id = awaitQueued().path("id").asString();

		HttpResponse<String> reply = call("POST", "/api/escalations/" + id + "/replies", this.agentToken,
				"{\"text\":\"Hi! I'm Rita from Lumen & Oak. How can I help?\"}");
		assertThat(reply.statusCode()).isEqualTo(201);
		List<LoggedRequest> sent = awaitSends(2);
		JsonNode agentMessage = this.json.readTree(sent.get(1).getBodyAsString());
		assertThat(agentMessage.path("recipient").path("id").asString()).isEqualTo(this.customer.sender());
		assertThat(agentMessage.path("message").path("text").asString())
			.isEqualTo("Hi! I'm Rita from Lumen & Oak. How can I help?");
		assertThat(agentMessage.has("tag")).isFalse();

		assertThat(call("POST", "/api/escalations/" + id + "/resolve", this.agentToken, "{}").statusCode())
			.isEqualTo(200);
		assertThat(say("What time do you open on Saturday?")).startsWith("Our shop and design studio are at Rua de");
		assertThat(this.redis.exists("bot:{" + WebhookPayloads.ACCOUNT + ":" + this.customer.sender() + "}:escalation"))
			.isFalse();
	}

	@Test
	void theIdleTimeoutGivesTheConversationBackToTheBotNeverEarlier() {
		say("I want to speak to a human");
		awaitQueued();
		movable().advance(Duration.ofHours(47));
		say("anyone there?", false);
		assertThat(meta.sentTo(this.customer.sender())).hasSize(1);

		// 48 hours of silence from both sides after that message.
		movable().advance(Duration.ofHours(48).plusMinutes(1));
		assertThat(say("What time do you open on Saturday?")).startsWith("Our shop and design studio are at Rua de");
	}

	@Test
	void outsideWorkingHoursTheCustomerIsToldWhenTheTeamIsBack() {
		movable().advanceTo(movable().next(DayOfWeek.SUNDAY, LocalTime.of(12, 0), LISBON));

		assertThat(say("My order arrived broken and I want a refund"))
			.startsWith("I understand, there: money matters deserve a person 🙏 Our team is offline right now;"
					+ " a teammate will reply tomorrow at 10:00 🙋");
		assertThat(awaitQueued().path("priority").asString()).isEqualTo("high");
	}

	@Test
	void notUnderstoodThreeTimesInARowGoesToAPerson() {
		say("blorp fizzle");
		say("wibble wobble");

		assertThat(say("zzzz qqqq")).startsWith("Sorry, I'm not getting this right 🙈 I've asked a teammate");
		assertThat(awaitQueued().path("reason").asString()).isEqualTo("not_understood");
	}

	@Test
	void aPassThreadControlBackToTheBotHandsTheEscalationBack() {
		say("I want to speak to a human");
		String id = awaitQueued().path("id").asString();
		String handBack = """
				{"object":"instagram","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},\
				"recipient":{"id":"%s"},"timestamp":%d,"pass_thread_control":{"previous_owner_app_id":\
				"1217981644879628","new_owner_app_id":"%s","metadata":"done in the Inbox"}}]}]}""".formatted(
				WebhookPayloads.ACCOUNT, this.clock.millis(), this.customer.sender(), WebhookPayloads.ACCOUNT,
				this.clock.millis(), HandoverIT.APP_ID);

		assertThat(this.webhook.post(handBack.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(detail(id).path("escalation").path("status").asString()).isEqualTo("handed_back"));
		assertThat(say("What time do you open on Saturday?")).startsWith("Our shop and design studio are at Rua de");
	}

	static final String APP_ID = "1111222233334444";

	private String say(String text) {
		int before = meta.sentTo(this.customer.sender()).size();
		assertThat(this.webhook.post(this.customer.at(this.clock.millis()).textMessage(text)).statusCode())
			.isEqualTo(200);
		return textOf(awaitSends(before + 1).get(before));
	}

	/** A message the bot must not answer: waits until it is in the conversation log. */
	private void say(String text, boolean answered) {
		assertThat(answered).isFalse();
		assertThat(this.webhook.post(this.customer.at(this.clock.millis()).textMessage(text)).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.redis
				.xrevrange("bot:{" + WebhookPayloads.ACCOUNT + ":" + this.customer.sender() + "}:log", "+", "-", 1)
				.stream()
				.anyMatch((entry) -> entry.getFields().get("entry").contains(this.json.writeValueAsString(text))));
	}

	private JsonNode awaitQueued() {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> list = call("GET", "/api/escalations", this.agentToken, null);
			assertThat(list.statusCode()).isEqualTo(200);
			found[0] = null;
			for (JsonNode escalation : this.json.readTree(list.body())) {
				if (escalation.path("senderId").asString().equals(this.customer.sender())) {
					found[0] = escalation;
				}
			}
			assertThat(found[0]).isNotNull();
		});
		return found[0];
	}

	private JsonNode detail(String id) {
		HttpResponse<String> detail = call("GET", "/api/escalations/" + id, this.agentToken, null);
		assertThat(detail.statusCode()).isEqualTo(200);
		return this.json.readTree(detail.body());
	}

	private List<String> conversationTexts(String id) {
		List<String> texts = new java.util.ArrayList<>();
		detail(id).path("conversation").forEach((entry) -> texts.add(entry.path("text").asString()));
		return texts;
	}

	private List<LoggedRequest> awaitSends(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meta.sentTo(this.customer.sender())).hasSizeGreaterThanOrEqualTo(count));
		return meta.sentTo(this.customer.sender());
	}

	private String textOf(LoggedRequest sent) {
		return this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString();
	}

	private Map<String, String> context() {
		return this.redis.hgetAll(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()));
	}

	private MovableClock movable() {
		return (MovableClock) this.clock;
	}

	private HttpResponse<String> call(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HttpCalls.send(this.http, request);
	}

}
