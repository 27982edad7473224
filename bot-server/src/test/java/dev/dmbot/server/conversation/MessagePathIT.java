package dev.dmbot.server.conversation;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
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

import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.MetaSignature;
import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.outbound.OutboundKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real parts: a signed webhook in, a real redis-server, the real intent
 * model and decision table, and the exact Send API call out, received by a fake Meta.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagePathIT {

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
	MeterRegistry meters;

	@Autowired
	ConversationLog conversationLog;

	final JsonMapper json = JsonMapper.builder().build();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
	}

	@Test
	void handshakeEchoesTheChallengeForTheRightVerifyToken() {
		HttpResponse<String> ok = this.webhook
			.get("hub.mode=subscribe&hub.verify_token=" + MetaApiStub.VERIFY_TOKEN + "&hub.challenge=1158201444");
		HttpResponse<String> wrong = this.webhook.get("hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");

		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("1158201444");
		assertThat(wrong.statusCode()).isEqualTo(403);
	}

	@Test
	void shippingQuestionIsAnsweredFromTheSpreadsheetWithTheAccessToken() {
		HttpResponse<String> response = this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));

		assertThat(response.statusCode()).isEqualTo(200);
		LoggedRequest sent = awaitSends(1).get(0);
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
		JsonNode body = this.json.readTree(sent.getBodyAsString());
		assertThat(body.path("recipient").path("id").asString()).isEqualTo(this.customer.sender());
		assertThat(body.path("message").path("text").asString()).containsIgnoringCase("Porto");
		Map<String, String> context = this.redis
			.hgetAll(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()));
		assertThat(context).containsEntry("lastIntent", "shipping").containsEntry("inboundCount", "1");
	}

	@Test
	void textMessageGetsTheExactSendApiCallOfItsRow() {
		assertExactReply(this.customer.textMessage("how much is shipping to Porto?"), "porto-shipping");
	}

	@Test
	void quickReplyTapIsAnsweredByItsPayloadRow() {
		assertExactReply(this.customer.quickReply("Shipping", "ICEBREAKER_SHIPPING"), "shipping-quick-reply");
	}

	@Test
	void iceBreakerPostbackIsAnsweredByItsPayloadRow() {
		assertExactReply(this.customer.postback("Where is my order?", "ICEBREAKER_ORDER_STATUS"),
				"order-status-postback");
	}

	@Test
	void storyMentionIsThanked() {
		assertExactReply(this.customer.storyMention(), "story-mention");
	}

	@Test
	void storyReplyIsAnswered() {
		assertExactReply(this.customer.storyReply("love this lamp!"), "story-reply");
	}

	@Test
	void igMeReferralIsWelcomed() {
		assertExactReply(this.customer.referral("newsletter"), "referral");
	}

	@Test
	void photoWithoutTextIsAnswered() {
		assertExactReply(this.customer.image(), "image");
	}

	@Test
	void messageNobodyCanUnderstandGetsTheFallbackRow() {
		assertExactReply(this.customer.textMessage("asdkjh qwe zzz"), "fallback");
	}

	@Test
	void unknownEventShapesAreKeptAndCountedWithoutReply() {
		double before = counter("bot.events.unknown");
		byte[] unknown = ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + WebhookPayloads.ACCOUNT
				+ "\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":\"" + this.customer.sender()
				+ "\"},\"recipient\":{\"id\":\"" + WebhookPayloads.ACCOUNT
				+ "\"},\"timestamp\":1,\"messaging_feedback\":{\"rating\":5}}]}]}")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.webhook.post(unknown).statusCode()).isEqualTo(200);

		assertOnlyTheBarrierIsAnswered();
		assertThat(counter("bot.events.unknown")).isEqualTo(before + 1);
	}

	@Test
	void everyReplyIsStoredWithTheRuleRowThatChoseIt() {
		this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));
		awaitSends(1);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<LogEntry> log = this.conversationLog.recent(WebhookPayloads.ACCOUNT, this.customer.sender(), 10);
			LogEntry reply = log.get(log.size() - 1);
			assertThat(reply.direction()).isEqualTo("out");
			assertThat(reply.outcome()).isEqualTo("sent");
			assertThat(reply.intent()).isEqualTo("shipping");
			assertThat(reply.rules()).singleElement().asString().contains("lumen-oak.xlsx").contains("Replies");
		});
	}

	@Test
	void forgedSignatureIsRefusedAndNothingIsProcessed() {
		WebhookPayloads.Delivery forged = this.customer.textMessage("hello");
		byte[] otherSecret = "not-the-app-secret".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = this.webhook.post(forged.body(),
				MetaSignature.sign(otherSecret, forged.body()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("X-Hub-Signature-256");
		assertOnlyTheBarrierIsAnswered();
	}

	@Test
	void missingSignatureIsRefused() {
		HttpResponse<String> response = this.webhook.post(this.customer.textMessage("hello").body(), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertOnlyTheBarrierIsAnswered();
	}

	@Test
	void malformedJsonIsRefusedWithA400() {
		HttpResponse<String> response = this.webhook.post("{\"object\":\"instagram\",\"entry\":[".getBytes());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("not valid JSON");
	}

	@Test
	void bodyOverOneMebibyteIsRefusedWithA413() {
		byte[] huge = ("{\"object\":\"instagram\",\"entry\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.webhook.post(huge).statusCode()).isEqualTo(413);
	}

	@Test
	void duplicateDeliveryIsAnsweredOnce() {
		WebhookPayloads.Delivery delivery = this.customer.textMessage("how much is shipping to Porto?");

		for (int i = 0; i < 3; i++) {
			assertThat(this.webhook.post(delivery).statusCode()).isEqualTo(200);
		}

		assertOnlyTheBarrierIsAnsweredAfter(1);
	}

	@Test
	void metaAnswering500IsRetriedUntilItAccepts() {
		failFirstCallsFor(this.customer.sender(), aResponse().withStatus(500)
			.withBody(
					"{\"error\":{\"message\":\"An unexpected error has occurred\",\"code\":2,\"is_transient\":true}}"));

		this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));

		awaitSends(2);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(lastLogEntry().outcome()).isEqualTo("sent"));
	}

	@Test
	void metaAnswering429IsRetriedUntilItAccepts() {
		failFirstCallsFor(this.customer.sender(), aResponse().withStatus(429)
			.withBody("{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"code\":613}}"));

		this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));

		awaitSends(2);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(lastLogEntry().outcome()).isEqualTo("sent"));
	}

	@Test
	void permanentRefusalGoesToTheDeadLetterStreamWithoutRetry() {
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(this.customer.sender())))
				.willReturn(aResponse().withStatus(400)
					.withBody("{\"error\":{\"message\":\"No matching user found\",\"code\":100,"
							+ "\"error_subcode\":2534014}}")));

		this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lastLogEntry().outcome()).isEqualTo("dead_lettered"));
		assertThat(meta.sentTo(this.customer.sender())).hasSize(1);
		assertThat(this.redis.xrange(OutboundKeys.DEAD_LETTERS, "-", "+"))
			.anySatisfy(entry -> assertThat(entry.getFields()).containsEntry("recipient", this.customer.sender())
				.hasEntrySatisfying("error", error -> assertThat(error).contains("2534014")));
	}

	@Test
	void replyOutsideThe24HourWindowIsNotSentButCounted() {
		double before = counter("bot.replies", "outcome", "window_closed");
		this.customer.at(System.currentTimeMillis() - Duration.ofHours(25).toMillis());

		this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lastLogEntry().outcome()).isEqualTo("window_closed"));
		assertThat(meta.sentTo(this.customer.sender())).isEmpty();
		assertThat(counter("bot.replies", "outcome", "window_closed")).isEqualTo(before + 1);
	}

	@Test
	void echoesReadsReactionsAndStandbyMessagesGetNoAutomaticReply() {
		this.webhook.post(this.customer.echo("Yes, we ship to Portugal in 3-5 days."));
		this.webhook.post(this.customer.read());
		this.webhook.post(this.customer.reaction());
		this.webhook.post(this.customer.standbyMessage("Hello? Anyone there?"));

		assertOnlyTheBarrierIsAnswered();
	}

	@Test
	void webhookMetersArePublishedForPrometheus() {
		this.webhook.post(this.customer.textMessage("how much is shipping to Porto?"));
		awaitSends(1);

		assertThat(counter("bot.webhook.events", "type", "message")).isPositive();
		assertThat(this.meters.find("bot.intents").tag("intent", "shipping").counter()).isNotNull();
		assertThat(this.meters.find("bot.reply.latency").timer().count()).isPositive();
	}

	private void assertExactReply(WebhookPayloads.Delivery delivery, String expectedBody) {
		assertThat(this.webhook.post(delivery).statusCode()).isEqualTo(200);

		LoggedRequest sent = awaitSends(1).get(0);
		String expected = resource("/send-api/" + expectedBody + ".json").replace("{{sender}}", this.customer.sender());
		assertThat(this.json.readTree(sent.getBodyAsString())).isEqualTo(this.json.readTree(expected));
		assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
	}

	private static String resource(String path) {
		try (var in = MessagePathIT.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void failFirstCallsFor(String sender,
			com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
		String scenario = "fail-once-" + sender;
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(sender)))
				.inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(failure)
				.willSetStateTo("recovered"));
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.withRequestBody(matchingJsonPath("$.recipient.id", equalTo(sender)))
				.inScenario(scenario)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson("{\"recipient_id\":\"" + sender + "\",\"message_id\":\"mid.ok\"}")));
	}

	/**
	 * Sends one more valid message from the same customer and waits for its answer: the
	 * events before it are then processed too (a sender's events are handled in order),
	 * so the count of replies can be checked without sleeping.
	 */
	private void assertOnlyTheBarrierIsAnswered() {
		assertOnlyTheBarrierIsAnsweredAfter(0);
	}

	private void assertOnlyTheBarrierIsAnsweredAfter(int earlierReplies) {
		this.webhook.post(this.customer.textMessage("thanks so much!"));
		List<LoggedRequest> sent = awaitSends(earlierReplies + 1);
		assertThat(sent).hasSize(earlierReplies + 1);
	}

	private List<LoggedRequest> awaitSends(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meta.sentTo(this.customer.sender())).hasSizeGreaterThanOrEqualTo(count));
		return meta.sentTo(this.customer.sender());
	}

	private LogEntry lastLogEntry() {
		List<LogEntry> log = this.conversationLog.recent(WebhookPayloads.ACCOUNT, this.customer.sender(), 1);
		assertThat(log).isNotEmpty();
		return log.get(0);
	}

	private double counter(String name, String... tags) {
		var counter = this.meters.find(name).tags(tags).counter();
		return counter == null ? 0 : counter.count();
	}

}
