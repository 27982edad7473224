package dev.dmbot.server.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.MetaSignature;
import dev.dmbot.server.context.ContextKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input on a running server: hundreds of signed but broken, huge, deeply nested
 * or oddly encoded bodies never get a 500 and never stall a worker (a DM sent after them
 * is still answered); forged signatures are refused and store nothing; a signed body
 * captured long ago and posted again is acknowledged but makes the bot say nothing; so is
 * an event for an account this server does not serve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.profile.timeout=300ms", "bot.intake.partitions=4" })
class WebhookAbuseIT {

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

	@Test
	void signedGarbageNeverGetsA500AndLeavesTheWorkersAnswering() {
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		Mutations mutations = new Mutations(7L);
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < 300; i++) {
			statuses.merge(webhook.post(mutations.next()).statusCode(), 1, Integer::sum);
		}
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());

		assertThat(webhook.post(customer.textMessage("how much is shipping to Porto?")).statusCode()).isEqualTo(200);

		assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(200, 400, 413);
		assertThat(statuses).containsKeys(200, 400);
		await().atMost(Duration.ofSeconds(20)).until(() -> meta.sentTo(customer.sender()).size() == 1);
		FaultReport.row("Fuzzed webhook bodies (signed): random, broken, huge, deeply nested, invalid UTF-8",
				"300 deliveries, answers " + statuses, statuses.getOrDefault(200, 0), 0, 0, 0,
				"no 500; a DM sent after them answered");
	}

	@Test
	void aForgedSignatureIsRefusedAndStoresNothing() {
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
		WebhookPayloads.Delivery delivery = customer.textMessage("how much is shipping to Porto?");
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);

		int forged = webhook
			.post(delivery.body(),
					MetaSignature.sign("not-the-app-secret".getBytes(StandardCharsets.UTF_8), delivery.body()))
			.statusCode();
		int unsigned = webhook.post(delivery.body(), null).statusCode();
		byte[] tampered = delivery.json().replace("Porto", "Braga").getBytes(StandardCharsets.UTF_8);
		int altered = webhook
			.post(tampered,
					MetaSignature.sign(MetaApiStub.APP_SECRET.getBytes(StandardCharsets.UTF_8), delivery.body()))
			.statusCode();

		assertThat(forged).isEqualTo(401);
		assertThat(unsigned).isEqualTo(401);
		assertThat(altered).isEqualTo(401);
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(2))
			.until(() -> meta.sentTo(customer.sender()).isEmpty());
	}

	@Test
	void anOldSignedBodyPostedAgainIsAcknowledgedButAnsweredByNothing() {
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		double stale = stale();

		int status = webhook
			.post(customer.at(System.currentTimeMillis() - Duration.ofDays(10).toMillis())
				.textMessage("how much is shipping to Porto?"))
			.statusCode();

		assertThat(status).isEqualTo(200);
		assertThat(stale()).isEqualTo(stale + 1);
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(2))
			.until(() -> meta.sentTo(customer.sender()).isEmpty());
		assertThat(this.redis
			.exists(dev.dmbot.server.context.ContextKeys.context(WebhookPayloads.ACCOUNT, customer.sender())))
			.isFalse();
	}

	@Test
	void anEventForAnAccountThisServerDoesNotServeIsAcknowledgedCountedAndDropped() {
		WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		String otherAccount = "17841499999999999";
		byte[] body = customer.textMessage("how much is shipping to Porto?")
			.json()
			.replace(WebhookPayloads.ACCOUNT, otherAccount)
			.getBytes(StandardCharsets.UTF_8);
		double dropped = unknownAccount();

		var response = webhook.post(body,
				MetaSignature.sign(MetaApiStub.APP_SECRET.getBytes(StandardCharsets.UTF_8), body));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"events\":\"0\"");
		assertThat(unknownAccount()).isEqualTo(dropped + 1);
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(2))
			.until(() -> meta.sentTo(customer.sender()).isEmpty());
		assertThat(this.redis.exists(dev.dmbot.server.context.ContextKeys.context(otherAccount, customer.sender())))
			.isFalse();
		assertThat(this.redis
			.exists(dev.dmbot.server.context.ContextKeys.context(WebhookPayloads.ACCOUNT, customer.sender())))
			.isFalse();
	}

	private double unknownAccount() {
		return this.meters.find("bot.webhook.events")
			.tag("outcome", "unknown_account")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double stale() {
		return this.meters.find("bot.webhook.events")
			.tag("outcome", "stale")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
