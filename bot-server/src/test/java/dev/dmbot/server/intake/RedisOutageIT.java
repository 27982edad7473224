package dev.dmbot.server.intake;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away and comes back: deliveries are refused with 503 while it is down (so
 * Meta delivers them again), and every delivery acknowledged before or after is answered
 * exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bot.intake.partitions=2")
class RedisOutageIT {

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Test
	void webhookAnswers503WhileRedisIsDownAndNothingAcknowledgedIsLost() {
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		WebhookPayloads before = WebhookPayloads.from(WebhookPayloads.newSender());
		WebhookPayloads during = WebhookPayloads.from(WebhookPayloads.newSender());
		assertThat(webhook.post(before.textMessage("how much is shipping to Porto?")).statusCode()).isEqualTo(200);

		this.redisServer.server().stop();
		WebhookPayloads.Delivery refused = during.textMessage("do you ship to Lisbon?");
		int statusWhileDown = webhook.post(refused).statusCode();
		this.redisServer.server().start();
		// Meta delivers the refused event again once the server accepts deliveries.
		await().atMost(Duration.ofSeconds(20)).until(() -> webhook.post(refused).statusCode() == 200);

		assertThat(statusWhileDown).isEqualTo(503);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(meta.sentTo(before.sender())).hasSize(1);
			assertThat(meta.sentTo(during.sender())).hasSize(1);
		});
	}

}
