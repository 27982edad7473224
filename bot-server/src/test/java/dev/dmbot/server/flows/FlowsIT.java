package dev.dmbot.server.flows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.support.WebhookPayloads.Delivery;
import dev.dmbot.server.context.ContextKeys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole lead-qualification conversations on real parts: signed webhooks in, the shipped
 * workbook's design_project flow run by the real intent model, context and leads in a
 * real redis-server, the exact Send API calls out to a fake Meta, and the lead delivered
 * to a fake CRM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + FlowsIT.ADMIN_TOKEN, "bot.leads.webhook-secret=" + FlowsIT.SECRET,
				"bot.leads.initial-backoff=100ms", "bot.leads.max-backoff=300ms", "bot.leads.poll-interval=100ms",
				"bot.profile.timeout=500ms", "bot.followups.poll-interval=50ms" })
@Import(MovableTime.class)
class FlowsIT {

	static final String ADMIN_TOKEN = "it-flows-admin-token-7Hq2x";

	static final String SECRET = "crm-secret-for-flows-3Jv8";

	static final String CRM_PATH = "/crm/leads";

	static final MetaApiStub meta = new MetaApiStub();

	static final WireMockServer crm = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		crm.start();
		crm.stubFor(post(urlPathEqualTo(CRM_PATH)).atPriority(10).willReturn(ok()));
	}

	static final String PROJECT_QUESTION = "What kind of project are you planning? 🏡";

	static final String BUDGET_QUESTION = "Roughly what budget do you have in mind? A ballpark is perfect, like \"around 15k\" 💶";

	static final String TIMELINE_QUESTION = "When would you like to get started? 🗓️";

	static final String CITY_QUESTION = "Which city is the project in? Pick one below or type your own 📍";

	static final String NAME_QUESTION = "And who should our designer ask for? 😊";

	static final String EMAIL_QUESTION = "Last one! What's your email address? We'll send the details of your consultation there ✉️";

	/**
	 * The ad id the shipped workbook's ad row (Replies row 17) answers besides its ref.
	 */
	static final String DESIGN_AD_ID = "120250784238480294";

	static final String BUDGET_REMINDER = "No rush, there! Whenever you're ready, just tell me a rough budget (like \"around 15k\") and we'll carry on 🙂";

	static final String BOOKING_LEAD_IN = "Lovely! Our interior designers offer a free 30-minute consultation, in our Porto studio or by video call 🛋️ A few quick questions so we can prepare it:";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.leads.webhook-url", () -> crm.baseUrl() + CRM_PATH);
	}

	@AfterAll
	static void stopCrm() {
		crm.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	Clock clock;

	final JsonMapper json = JsonMapper.builder().build();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		// A weekday morning in Porto, when the team is in: escalations say "within about
		// an
		// hour".
		((MovableClock) this.clock).advanceTo(
				((MovableClock) this.clock).next(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), ZoneId.of("Europe/Lisbon")));
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
	}

	@Test
	void theHappyPathQualifiesTheLeadHandsItToTheCrmAndEscalatesABigBudgetToSales() {
		assertThat(say("I'd like to book a design consultation"))
			.isEqualTo(message(BOOKING_LEAD_IN + "\n\n" + PROJECT_QUESTION, "New home", "new home", "Renovation",
					"renovation", "Single room", "single room"));
		assertThat(tap("Renovation", "renovation")).isEqualTo(message(BUDGET_QUESTION));
		assertThat(say("around 15k"))
			.isEqualTo(message(TIMELINE_QUESTION, "As soon as possible", "as soon as possible", "In 1–3 months",
					"in 1-3 months", "Later this year", "later this year", "Just exploring", "just exploring"));
		assertThat(tap("As soon as possible", "as soon as possible"))
			.isEqualTo(message(CITY_QUESTION, "Porto", "Porto", "Lisbon", "Lisbon", "Braga", "Braga", "Gaia", "Gaia"));
		assertThat(say("Porto")).isEqualTo(message(NAME_QUESTION));
		assertThat(say("Ana Costa")).isEqualTo(message(EMAIL_QUESTION));
		assertThat(say("ana.costa@gmail.com")).isEqualTo(message("""
				Thank you, Ana Costa! 🛋️ Here's what I noted:
				• Project: renovation
				• City: Porto
				• Budget: 15000 EUR
				• Timeline: as soon as possible
				As it's a bigger project, a senior designer from our sales team will contact you personally here \
				within about an hour 🙋 We'll confirm everything by email at ana.costa@gmail.com."""));

		JsonNode lead = this.json.readTree(awaitCrmCalls(1).get(0).getBodyAsString()).path("lead");
		assertThat(this.json.treeToValue(lead.path("slots"), Map.class)).containsExactly(
				Map.entry("project_type", "renovation"), Map.entry("budget", "15000 EUR"),
				Map.entry("timeline", "as soon as possible"), Map.entry("city", "Porto"),
				Map.entry("name", "Ana Costa"), Map.entry("email", "ana.costa@gmail.com"));
		assertThat(lead.path("score").asInt()).isEqualTo(15 + 100 + 15 + 10);
		assertThat(lead.path("source").path("flow").asString()).isEqualTo("design_project");
		assertThat(lead.path("source").path("rule").asString()).isEqualTo("lumen-oak.xlsx › Replies › row 32");
		assertThat(lead.path("conversationId").asString())
			.isEqualTo(WebhookPayloads.ACCOUNT + ":" + this.customer.sender());
		Map<String, String> context = context();
		assertThat(context).containsEntry("state", "")
			.containsEntry("slot.email", "ana.costa@gmail.com")
			.containsKey("done.design_project")
			.doesNotContainKey("flow")
			.doesNotContainKey("flow.step");
		assertThat(context.get("tags").split(",")).contains("design_lead", "needs_human", "team_sales");
	}

	@Test
	void anInvalidEmailIsAskedAgainWithTheReasonAndTheFlowCarriesOn() {
		say("I'd like to book a design consultation");
		tap("Single room", "single room");
		say("€2.500");
		tap("Just exploring", "just exploring");
		say("Braga");
		say("Miguel");

		assertThat(say("miguel@gmial.com").text()).startsWith("Hmm, that email doesn't look quite right: ")
			.contains("gmail.com")
			.endsWith("🙈 Could you type it again?");
		assertThat(context()).containsEntry("flow.step", "email").containsEntry("flow.attempts", "1");
		assertThat(say("miguel@gmail.com").text()).startsWith("Thank you, Miguel! 🛋️ Here's what I noted for your")
			.contains("• Budget: 2500 EUR")
			.endsWith("we'll confirm by email at miguel@gmail.com.");
		assertThat(this.json.readTree(awaitCrmCalls(1).get(0).getBodyAsString()).path("lead").path("score").asInt())
			.isEqualTo(5 + 10 + 0 + 10);
		assertThat(context().get("tags")).doesNotContain("needs_human");
	}

	@Test
	void aQuestionAskedMidFlowIsAnsweredAndThePendingQuestionAskedAgain() {
		say("I'd like to book a design consultation");
		tap("New home", "new home");

		assertThat(say("What time do you open on Saturday?")).isEqualTo(message(
				"Our shop and design studio are at Rua de Cedofeita 123, Porto 📍 We're open Monday to Saturday, "
						+ "10:00–19:00. Come and say olá!\n\n" + BUDGET_QUESTION));
		assertThat(context()).containsEntry("flow.step", "budget").containsEntry("flow.attempts", "0");
		assertThat(say("about 8k"))
			.isEqualTo(message(TIMELINE_QUESTION, "As soon as possible", "as soon as possible", "In 1–3 months",
					"in 1-3 months", "Later this year", "later this year", "Just exploring", "just exploring"));
	}

	@Test
	void cancelLeavesTheFlowPolitelyAndNoLeadIsMade() {
		say("I'd like to book a design consultation");
		tap("Renovation", "renovation");

		assertThat(say("cancel")).isEqualTo(message(
				"No problem, I've stopped here 👍 If you'd like a design consultation later, just ask. Anything else I can help with?"));
		assertThat(context()).containsEntry("state", "")
			.doesNotContainKey("flow")
			.containsEntry("slot.project_type", "renovation");
		assertThat(crmCalls()).isEmpty();
	}

	@Test
	void aCustomerBackADayLaterIsWelcomedBackToThePendingQuestion() {
		say("I'd like to book a design consultation");
		tap("Renovation", "renovation");
		((MovableClock) this.clock).advance(Duration.ofDays(1));

		assertThat(say("hello again"))
			.isEqualTo(message("Welcome back, there! 👋 Let's pick up where we left off.\n\n" + BUDGET_QUESTION));
		assertThat(say("12k").text()).isEqualTo(TIMELINE_QUESTION);
	}

	@Test
	void whatTheFirstMessageSaysIsNotAskedAgain() {
		assertThat(say("I want to renovate my flat in Porto, budget 20k")).isEqualTo(message(
				"We'd love to help with your home! 🛋️ Our interior designers offer a free 30-minute consultation, in "
						+ "our Porto studio or by video call. A few quick questions so we can prepare it:\n\n"
						+ TIMELINE_QUESTION,
				"As soon as possible", "as soon as possible", "In 1–3 months", "in 1-3 months", "Later this year",
				"later this year", "Just exploring", "just exploring"));
		assertThat(context()).containsEntry("slot.project_type", "renovation")
			.containsEntry("slot.city", "Porto")
			.containsEntry("slot.budget", "20000 EUR");
		assertThat(say("next month").text()).isEqualTo(NAME_QUESTION);
	}

	@Test
	void aCrmThatIsDownGetsTheLeadOnceWhenItIsBackAndARedeliveredEventChangesNothing() {
		crm.stubFor(post(urlPathEqualTo(CRM_PATH))
			.withRequestBody(matchingJsonPath("$.lead.senderId", equalTo(this.customer.sender())))
			.inScenario("down then up " + this.customer.sender())
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("still down"));
		crm.stubFor(post(urlPathEqualTo(CRM_PATH))
			.withRequestBody(matchingJsonPath("$.lead.senderId", equalTo(this.customer.sender())))
			.inScenario("down then up " + this.customer.sender())
			.whenScenarioStateIs("still down")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		say("I want to renovate my flat in Porto, budget 20k");
		tap("As soon as possible", "as soon as possible");
		say("Rui Lopes");
		Delivery last = this.customer.at(this.clock.millis()).textMessage("rui.lopes@sapo.pt");
		assertThat(this.webhook.post(last).statusCode()).isEqualTo(200);
		awaitSends(4);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(crmCalls()).hasSize(3));
		assertThat(this.webhook.post(last).statusCode()).isEqualTo(200);

		// The redelivery is recognised: no second reply, no second lead, no second
		// delivery.
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(crmCalls()).hasSize(3);
			assertThat(meta.sentTo(this.customer.sender())).hasSize(4);
		});
		assertThat(crm
			.findAll(postRequestedFor(urlPathEqualTo(CRM_PATH))
				.withRequestBody(matchingJsonPath("$.lead.senderId", equalTo(this.customer.sender()))))
			.stream()
			.map((call) -> this.json.readTree(call.getBodyAsString()).path("lead").path("id").asString())
			.distinct()).hasSize(1);
	}

	@Test
	void aFailingProfileApiMeansTheDefaultNameInTheFlowsTexts() {
		meta.server()
			.stubFor(get(urlPathEqualTo("/v25.0/" + this.customer.sender()))
				.willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\",\"code\":2}}")));

		this.webhook.post(this.customer.at(this.clock.millis()).referral("DESIGN_AD"));

		assertThat(textOf(awaitSends(1).get(0))).isEqualTo(
				"Hi there! ✨ Thanks for your interest in our interior-design service. A few quick questions so our "
						+ "designers can prepare your free 30-minute consultation:\n\n" + PROJECT_QUESTION);
	}

	@Test
	void anUnansweredQuestionGetsItsStepsReminderOnceAndAnAnswerCancelsTheNext() {
		say("I'd like to book a design consultation");
		assertThat(tap("Renovation", "renovation")).isEqualTo(message(BUDGET_QUESTION));

		((MovableClock) this.clock).advance(Duration.ofMinutes(59));
		stillSent(2);
		((MovableClock) this.clock).advance(Duration.ofMinutes(2));

		assertThat(textOf(awaitSends(3).get(2))).isEqualTo(BUDGET_REMINDER);
		((MovableClock) this.clock).advance(Duration.ofHours(2));
		stillSent(3);
		assertThat(say("around 15k").text()).isEqualTo(TIMELINE_QUESTION);
		// The timeline step has no reminder: nothing more is sent.
		((MovableClock) this.clock).advance(Duration.ofHours(2));
		stillSent(4);
		assertThat(context()).containsEntry("flow.step", "timeline");
	}

	@Test
	void theFirstMessageFromAClickToDirectAdStartsTheFlowByTheAdId() {
		Sent sent = exchange(
				this.customer.at(this.clock.millis()).adMessage("Hi! Can I get more info on this?", DESIGN_AD_ID));

		assertThat(sent.text()).isEqualTo(
				"Hi there! ✨ Thanks for your interest in our interior-design service. A few quick questions so our "
						+ "designers can prepare your free 30-minute consultation:\n\n" + PROJECT_QUESTION);
		assertThat(context()).containsEntry("flow", "design_project").containsEntry("flow.step", "project_type");
		assertThat(context().get("tags")).contains("from_ad");
	}

	@Test
	void aMessageFromAnotherAdIsAnsweredByItsWords() {
		Sent sent = exchange(this.customer.at(this.clock.millis())
			.adMessage("How much is shipping to Porto?", "120250000000000001"));

		assertThat(context()).doesNotContainKey("flow");
		assertThat(sent.text()).doesNotContain(PROJECT_QUESTION);
	}

	@Test
	void theProfileNameGreetsTheCustomerInTheFlow() {
		meta.server()
			.stubFor(get(urlPathEqualTo("/v25.0/" + this.customer.sender()))
				.willReturn(okJson("{\"name\":\"Joana Reis\",\"username\":\"joana.reis\",\"id\":\"1\"}")));

		this.webhook.post(this.customer.at(this.clock.millis()).referral("DESIGN_AD"));

		assertThat(textOf(awaitSends(1).get(0))).startsWith("Hi Joana! ✨");
	}

	@Test
	void explainShowsTheFlowARowStartsAndWhatTheMessageAnswered() {
		HttpResponse<String> response = HttpCalls.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/admin/rules/explain"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"text\":\"I want to renovate my flat in Porto, budget 20k\"}")));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode explanation = this.json.readTree(response.body());
		assertThat(explanation.path("flow").asString()).isEqualTo("design_project: started, asked timeline");
		assertThat(explanation.path("rows").get(0).asString()).isEqualTo("lumen-oak.xlsx › Replies › row 18");
		assertThat(explanation.path("rows").get(1).asString()).isEqualTo("lumen-oak.xlsx › Flows › row 5");
		assertThat(explanation.path("reply").asString()).endsWith(TIMELINE_QUESTION);
		assertThat(explanation.path("nextState").asString()).isEqualTo("flow:design_project");
		assertThat(this.json.treeToValue(explanation.path("slots"), Map.class)).containsEntry("budget", "20000 EUR")
			.containsEntry("city", "Porto")
			.containsEntry("project_type", "renovation");
	}

	private Sent say(String text) {
		return exchange(this.customer.at(this.clock.millis()).textMessage(text));
	}

	private Sent tap(String title, String payload) {
		return exchange(this.customer.at(this.clock.millis()).quickReply(title, payload));
	}

	private Sent exchange(Delivery delivery) {
		int before = meta.sentTo(this.customer.sender()).size();
		assertThat(this.webhook.post(delivery).statusCode()).isEqualTo(200);
		LoggedRequest sent = awaitSends(before + 1).get(before);
		JsonNode body = this.json.readTree(sent.getBodyAsString());
		List<String> buttons = new java.util.ArrayList<>();
		body.path("message").path("quick_replies").forEach((button) -> {
			buttons.add(button.path("title").asString());
			buttons.add(button.path("payload").asString());
		});
		return new Sent(body.path("message").path("text").asString(), buttons);
	}

	private static Sent message(String text, String... titlesAndPayloads) {
		return new Sent(text, List.of(titlesAndPayloads));
	}

	private List<LoggedRequest> awaitSends(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meta.sentTo(this.customer.sender())).hasSizeGreaterThanOrEqualTo(count));
		return meta.sentTo(this.customer.sender());
	}

	/** Gives the pollers time to send more, and checks they did not. */
	private void stillSent(int count) {
		await().during(Duration.ofMillis(400))
			.atMost(Duration.ofSeconds(2))
			.until(() -> meta.sentTo(this.customer.sender()).size() == count);
	}

	private List<LoggedRequest> awaitCrmCalls(int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(crmCalls()).hasSize(count));
		return crmCalls();
	}

	private List<LoggedRequest> crmCalls() {
		return crm.findAll(postRequestedFor(urlPathEqualTo(CRM_PATH))
			.withRequestBody(matchingJsonPath("$.lead.senderId", equalTo(this.customer.sender()))));
	}

	private String textOf(LoggedRequest sent) {
		return this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString();
	}

	private Map<String, String> context() {
		return this.redis.hgetAll(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()));
	}

	/** One Send API message: its text, then each quick reply's title and payload. */
	record Sent(String text, List<String> quickReplies) {
	}

}
