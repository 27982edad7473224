package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many more DMs than the Redis pool has connections, from many customers at once: every
 * one is acknowledged, answered exactly once, and each customer's answers come in the
 * order the customer wrote. A connection that is not handed back to the pool after each
 * message would stall the server well before the end of this run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.redis.pool-size=12", "bot.intake.partitions=4" })
class SustainedTrafficIT {

	static final MetaApiStub meta = new MetaApiStub();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int CUSTOMERS = 12;

	static final int MESSAGES_EACH = 15;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void everyMessageOfASteadyStreamIsAnsweredOnceInOrder() throws Exception {
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		List<WebhookPayloads> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			customers.add(WebhookPayloads.from(WebhookPayloads.newSender()));
		}
		// A distinct question per position, answered by distinct rows, so order is
		// visible in the replies.
		List<String> questions = List.of("how much is shipping to Porto?", "what are your opening hours?");

		List<Integer> statuses;
		ExecutorService senders = Executors.newFixedThreadPool(CUSTOMERS);
		try {
			List<Future<List<Integer>>> sent = new ArrayList<>();
			for (WebhookPayloads customer : customers) {
				sent.add(senders.submit(() -> {
					List<Integer> codes = new ArrayList<>();
					for (int m = 0; m < MESSAGES_EACH; m++) {
						customer.at(System.currentTimeMillis());
						codes.add(webhook.post(customer.textMessage(questions.get(m % 2))).statusCode());
					}
					return codes;
				}));
			}
			statuses = new ArrayList<>();
			for (Future<List<Integer>> future : sent) {
				statuses.addAll(future.get());
			}
		}
		finally {
			senders.shutdownNow();
		}

		assertThat(statuses).hasSize(CUSTOMERS * MESSAGES_EACH).containsOnly(200);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(customers)
				.allSatisfy(customer -> assertThat(meta.sentTo(customer.sender())).hasSize(MESSAGES_EACH)));
		String shippingReply = textOf(meta.sentTo(customers.get(0).sender()).get(0));
		String hoursReply = textOf(meta.sentTo(customers.get(0).sender()).get(1));
		assertThat(shippingReply).isNotEqualTo(hoursReply);
		for (WebhookPayloads customer : customers) {
			List<LoggedRequest> replies = meta.sentTo(customer.sender());
			for (int m = 0; m < MESSAGES_EACH; m++) {
				assertThat(textOf(replies.get(m))).as("reply %d to %s", m, customer.sender())
					.isEqualTo(m % 2 == 0 ? shippingReply : hoursReply);
			}
		}
	}

	private static String textOf(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString()).path("message").path("text").asString();
	}

}
