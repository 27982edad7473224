package dev.dmbot.server.followups;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dmbot.server.BotServerApplication;
import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server instances on one Redis, both looking for due follow-ups every few
 * milliseconds: each follow-up still reaches its customer exactly once. Both run on a
 * movable clock set to a weekday late morning in Lisbon, so the shipped Guardrails
 * sheet's quiet hours (21:00 to 09:00) never hold the follow-ups back, whenever the test
 * runs.
 */
@Import(MovableTime.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.followups.poll-interval=10ms", "bot.intake.partitions=2" })
class FollowUpsAcrossInstancesIT {

	static final MetaApiStub meta = new MetaApiStub();

	static final int CUSTOMERS = 12;

	static ConfigurableApplicationContext second;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@AfterAll
	static void stopSecond() {
		if (second != null) {
			second.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Autowired
	FollowUpScheduler scheduler;

	@Autowired
	ContextStore contexts;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Clock clock;

	@Test
	void aFollowUpIsSentExactlyOnceWhileTwoInstancesLookForDueOnes() {
		MovableClock first = (MovableClock) this.clock;
		Instant lateMorning = first.next(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), ZoneId.of("Europe/Lisbon"));
		first.advanceTo(lateMorning);
		second = new SpringApplicationBuilder(BotServerApplication.class, MovableTime.class).run("--server.port=0",
				"--bot.redis.url=redis://127.0.0.1:" + this.redisServer.server().port(), "--bot.rules.watch=false",
				"--spring.jmx.enabled=false", "--bot.intake.partitions=2", "--bot.followups.poll-interval=10ms",
				"--bot.meta.graph-url=" + meta.server().baseUrl() + "/v25.0",
				"--bot.meta.access-token=" + MetaApiStub.ACCESS_TOKEN,
				"--bot.meta.app-secret=" + MetaApiStub.APP_SECRET, "--bot.meta.account-id=" + WebhookPayloads.ACCOUNT);
		second.getBean(MovableClock.class).advanceTo(first.instant());
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		List<String> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
			webhook.post(customer.at(first.millis()).textMessage("hello"));
			customers.add(customer.sender());
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> customers.stream().allMatch((sender) -> meta.sentTo(sender).size() == 1));

		// All due at the same moment, so both instances race for them.
		for (String sender : customers) {
			Instant lastInboundAt = this.contexts.load(WebhookPayloads.ACCOUNT, sender).lastInboundAt();
			this.scheduler.schedule(WebhookPayloads.ACCOUNT, sender, Duration.ofMillis(500), "Anything else? 🙂",
					lastInboundAt);
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> customers.stream().allMatch((sender) -> meta.sentTo(sender).size() >= 2));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> customers.stream().allMatch((sender) -> meta.sentTo(sender).size() == 2));
		for (String sender : customers) {
			assertThat(meta.sentTo(sender).get(1).getBodyAsString())
				.isEqualTo("{\"recipient\":{\"id\":\"" + sender + "\"},\"message\":{\"text\":\"Anything else? 🙂\"}}");
		}
	}

}
