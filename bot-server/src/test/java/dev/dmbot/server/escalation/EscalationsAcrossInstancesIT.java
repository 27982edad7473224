package dev.dmbot.server.escalation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.BotServerApplication;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stateless servers: a second instance on the same Redis sees what the first opened, live
 * streams hear of escalations opened on the other instance, every notification is sent
 * once although both instances look for due ones, and a Redis outage costs the agent API
 * a 503 and the live stream a reconnection, nothing more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + EscalationsAcrossInstancesIT.ADMIN_TOKEN,
				"bot.escalation.poll-interval=50ms", "bot.escalation.notify-initial-backoff=50ms",
				"bot.escalation.notify-max-backoff=200ms", "bot.intake.partitions=2" })
class EscalationsAcrossInstancesIT {

	static final String ADMIN_TOKEN = "it-escalations-instances-8Kd2pQ";

	static final String NOTIFY_PATH = "/hooks/escalations";

	static final String ACCOUNT = WebhookPayloads.ACCOUNT;

	static final MetaApiStub meta = new MetaApiStub();

	static final WireMockServer slack = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static ConfigurableApplicationContext second;

	static {
		slack.start();
		slack.stubFor(post(urlPathEqualTo(NOTIFY_PATH)).willReturn(ok()));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.escalation.notify-url", () -> slack.baseUrl() + NOTIFY_PATH);
	}

	@AfterAll
	static void stopAll() {
		if (second != null) {
			second.close();
		}
		slack.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	EscalationService escalations;

	@Autowired
	EscalationEvents events;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	final JsonMapper json = JsonMapper.builder().build();

	AgentApi api;

	@BeforeEach
	void setUp() {
		this.api = new AgentApi(this.port);
		if (second == null) {
			second = new SpringApplicationBuilder(BotServerApplication.class).run("--server.port=0",
					"--bot.redis.url=redis://127.0.0.1:" + this.redisServer.server().port(), "--bot.rules.watch=false",
					"--spring.jmx.enabled=false", "--bot.intake.partitions=2",
					"--bot.security.admin-token=" + ADMIN_TOKEN,
					"--bot.meta.graph-url=" + meta.server().baseUrl() + "/v25.0",
					"--bot.meta.access-token=" + MetaApiStub.ACCESS_TOKEN,
					"--bot.meta.app-secret=" + MetaApiStub.APP_SECRET, "--bot.meta.account-id=" + ACCOUNT,
					"--bot.escalation.notify-url=" + slack.baseUrl() + NOTIFY_PATH,
					"--bot.escalation.poll-interval=50ms", "--bot.escalation.notify-initial-backoff=50ms",
					"--bot.escalation.notify-max-backoff=200ms");
		}
	}

	@Test
	void anEscalationOpenedOnOneInstanceIsLiveAndAnsweredOnTheOther() throws Exception {
		EscalationService secondService = second.getBean(EscalationService.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.events.subscribed() && second.getBean(EscalationEvents.class).subscribed());
		String sender = WebhookPayloads.newSender();
		try (LiveStream stream = LiveStream.open(this.api, ADMIN_TOKEN)) {
			assertThat(stream.nextLine(5)).isEqualTo(":connected");

			Escalation escalation = secondService.open(new EscalationRequest(ACCOUNT, sender, "refund", "care", "high",
					null, null, null, null, Map.of(), Set.of()));

			LiveStream.Event opened = stream.nextEvent();
			assertThat(opened.name()).isEqualTo("escalation");
			assertThat(this.json.readTree(opened.data()).path("id").asString()).isEqualTo(escalation.id());
			assertThat(this.escalations.pausing(ACCOUNT, sender)).isPresent();

			HttpResponse<String> claimed = this.api.post("/api/escalations/" + escalation.id() + "/claim", ADMIN_TOKEN,
					"{\"assignee\":\"rui\"}");
			assertThat(claimed.statusCode()).isEqualTo(200);
			assertThat(secondService.pausing(ACCOUNT, sender))
				.hasValueSatisfying(paused -> assertThat(paused.assignee()).isEqualTo("rui"));
			LiveStream.Event update = stream.nextEvent();
			JsonNode changed = this.json.readTree(update.data());
			assertThat(changed.path("change").asString()).isEqualTo("claimed");
			assertThat(changed.path("assignee").asString()).isEqualTo("rui");
		}
	}

	@Test
	void everyEscalationIsNotifiedOnceThoughBothInstancesLookForDueNotifications() {
		EscalationService secondService = second.getBean(EscalationService.class);
		List<Escalation> opened = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			EscalationService service = i % 2 == 0 ? this.escalations : secondService;
			opened.add(service.open(new EscalationRequest(ACCOUNT, WebhookPayloads.newSender(), "refund", "care",
					"normal", null, null, null, null, Map.of(), Set.of())));
		}

		for (Escalation escalation : opened) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> slack
					.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id())))
					.size() == 1);
		}
		sleep(Duration.ofSeconds(1));
		for (Escalation escalation : opened) {
			assertThat(slack
				.findAll(postRequestedFor(urlPathEqualTo(NOTIFY_PATH)).withRequestBody(containing(escalation.id()))))
				.as(escalation.id())
				.hasSize(1);
		}
	}

	@Test
	void whileRedisIsAwayTheAgentApiAnswers503AndTheLiveStreamComesBackAfter() throws Exception {
		this.redisServer.server().stop();
		HttpResponse<String> whileDown;
		try {
			whileDown = this.api.get("/api/escalations", ADMIN_TOKEN);
		}
		finally {
			this.redisServer.server().start();
		}

		assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(503);
		assertThat(whileDown.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(this.api.json(whileDown).path("error").asString()).contains("Redis is unreachable");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/escalations", ADMIN_TOKEN).statusCode() == 200);
		await().atMost(Duration.ofSeconds(20)).until(this.events::subscribed);
		try (LiveStream stream = LiveStream.open(this.api, ADMIN_TOKEN)) {
			assertThat(stream.nextLine(5)).isEqualTo(":connected");
			Escalation escalation = this.escalations.open(new EscalationRequest(ACCOUNT, WebhookPayloads.newSender(),
					"refund", "care", null, null, null, null, null, Map.of(), Set.of()));
			assertThat(this.json.readTree(stream.nextEvent().data()).path("id").asString()).isEqualTo(escalation.id());
		}
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
