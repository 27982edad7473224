package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.BotServerApplication;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances share a queue of DMs that Meta answers slowly; one is shut down (as on
 * SIGTERM) in the middle. It first turns readiness down, finishes what it has in hand and
 * hands its partitions back, so the other instance answers the rest at once, long before
 * the leases would have expired, and every DM is answered exactly once, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.intake.partitions=4", "bot.intake.lease-ttl=20s", "bot.rules.watch=false" })
class GracefulShutdownIT {

	static final MetaApiStub meta = new MetaApiStub();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int CUSTOMERS = 30;

	static final int MESSAGES_EACH = 4;

	static ConfigurableApplicationContext second;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		meta.server().stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Autowired
	MeterRegistry meters;

	@Test
	void aStoppingInstanceFinishesWhatItHoldsAndHandsTheRestOverAtOnce() {
		// Meta takes a while, so there is always work in hand.
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.SEND_PATH)).atPriority(1)
				.willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"mid.slow\"}").withFixedDelay(150)));
		AtomicReference<Boolean> intakeRunningWhenNotReady = new AtomicReference<>();
		second = new SpringApplicationBuilder(BotServerApplication.class)
			.listeners((ApplicationListener<AvailabilityChangeEvent<?>>) (event) -> {
				if (event.getState() == ReadinessState.REFUSING_TRAFFIC
						&& event.getSource() instanceof ApplicationContext context) {
					intakeRunningWhenNotReady.set(context.getBean(IntakeWorkers.class).isRunning());
				}
			})
			.run("--server.port=0", "--bot.redis.url=redis://127.0.0.1:" + this.redisServer.server().port(),
					"--bot.rules.watch=false", "--spring.jmx.enabled=false", "--bot.intake.partitions=4",
					"--bot.intake.lease-ttl=20s", "--bot.meta.graph-url=" + meta.server().baseUrl() + "/v25.0",
					"--bot.meta.access-token=" + MetaApiStub.ACCESS_TOKEN,
					"--bot.meta.app-secret=" + MetaApiStub.APP_SECRET,
					"--bot.meta.account-id=" + WebhookPayloads.ACCOUNT, "--bot.outbound.initial-backoff=20ms",
					"--bot.outbound.max-backoff=100ms");
		MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> owned(this.meters) == 2 && owned(secondMeters) == 2);

		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		List<String> questions = List.of("how much is shipping to Porto?", "what are your opening hours?");
		List<WebhookPayloads> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			customers.add(WebhookPayloads.from(WebhookPayloads.newSender()));
		}
		long at = System.currentTimeMillis();
		for (int m = 0; m < MESSAGES_EACH; m++) {
			for (WebhookPayloads customer : customers) {
				assertThat(webhook.post(customer.at(at++).textMessage(questions.get(m % 2))).statusCode())
					.isEqualTo(200);
			}
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> processed(secondMeters) >= 5);

		second.close();
		long closedAt = System.nanoTime();

		assertThat(intakeRunningWhenNotReady.get()).as("intake still running when readiness went down").isTrue();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(customers)
				.allSatisfy((customer) -> assertThat(meta.sentTo(customer.sender())).hasSize(MESSAGES_EACH)));
		// The other instance took over well before the 20 s leases could have expired.
		assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(15));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(customers)
				.allSatisfy((customer) -> assertThat(meta.sentTo(customer.sender())).hasSize(MESSAGES_EACH)));
		String shipping = textOf(meta.sentTo(customers.get(0).sender()).get(0));
		String hours = textOf(meta.sentTo(customers.get(0).sender()).get(1));
		assertThat(shipping).isNotEqualTo(hours);
		for (WebhookPayloads customer : customers) {
			List<LoggedRequest> replies = meta.sentTo(customer.sender());
			for (int m = 0; m < MESSAGES_EACH; m++) {
				assertThat(textOf(replies.get(m))).as("reply %d to %s", m, customer.sender())
					.isEqualTo(m % 2 == 0 ? shipping : hours);
			}
		}
		assertThat(owned(this.meters)).isEqualTo(4);
	}

	private static double owned(MeterRegistry meters) {
		return meters.get("bot.intake.partitions.owned").gauge().value();
	}

	private static double processed(MeterRegistry meters) {
		var counter = meters.find("bot.intake.events").tag("outcome", "processed").counter();
		return (counter == null) ? 0 : counter.count();
	}

	private static String textOf(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString()).path("message").path("text").asString();
	}

}
