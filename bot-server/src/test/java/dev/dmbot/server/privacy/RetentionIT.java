package dev.dmbot.server.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.context.annotation.Import;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a conversation leaves in Redis expires: the context, the conversation log and the
 * lead carry a time to live from their settings, conversions are dropped once older than
 * theirs, and dead-letter streams keep neither old nor too many entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.watch=false", "bot.context.retention=3d", "bot.context.log-retention=2d",
				"bot.leads.retention=20d", "bot.conversions.retention=10d", "bot.dead-letters.retention=1h",
				"bot.dead-letters.max-entries=100" })
@Import(MovableTime.class)
class RetentionIT {

	static final String ACCOUNT = WebhookPayloads.ACCOUNT;

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	Clock clock;

	@Autowired
	DeadLetterProperties deadLetters;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aConversationsKeysExpireAfterTheirRetention() {
		String sender = WebhookPayloads.newSender();
		WebhookPayloads customer = WebhookPayloads.from(sender);
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);
		long at = this.clock.millis();
		webhook.post(customer.at(at++).textMessage("I want to renovate my flat in Porto, budget 20k"));
		webhook.post(customer.at(at++).quickReply("As soon as possible", "as soon as possible"));
		webhook.post(customer.at(at++).textMessage("Rui Lopes"));
		webhook.post(customer.at(at).textMessage("rui.lopes@sapo.pt"));
		String conversation = "bot:{" + ACCOUNT + ":" + sender + "}";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !RedisKeys.scan(this.redis, "bot:{leads}:source:" + ACCOUNT + ":" + sender + ":*").isEmpty());

		assertThat(this.redis.ttl(conversation + ":ctx")).isBetween(days(3) - 60, days(3));
		assertThat(this.redis.ttl(conversation + ":log")).isBetween(days(2) - 60, days(2));
		String leadId = this.redis
			.get(RedisKeys.scan(this.redis, "bot:{leads}:source:" + ACCOUNT + ":" + sender + ":*").iterator().next());
		assertThat(this.redis.ttl("bot:{leads}:lead:" + leadId)).isBetween(days(20) - 60, days(20));
		// An open escalation waits for a person however long it takes; it expires once
		// closed (bot.escalation.retention).
		assertThat(RedisKeys.scan(this.redis, conversation + ":*")).filteredOn((key) -> !key.contains(":escalation"))
			.isNotEmpty()
			.allSatisfy((key) -> assertThat(this.redis.ttl(key)).as("time to live of %s", key).isPositive());
	}

	@Test
	void aConversionIsDroppedOnceOlderThanItsRetention() {
		String sender = WebhookPayloads.newSender();
		assertThat(recordConversion("old-" + sender, sender).statusCode()).isEqualTo(201);
		((MovableClock) this.clock).advance(Duration.ofDays(11));
		assertThat(recordConversion("new-" + sender, sender).statusCode()).isEqualTo(201);

		Map<String, String> kept = this.redis.hgetAll("bot:{" + ACCOUNT + "}:conversions");
		assertThat(kept).containsKey("new-" + sender).doesNotContainKey("old-" + sender);
		assertThat(this.redis.lrange("bot:{" + ACCOUNT + "}:conversions:recent", 0, -1)).contains("new-" + sender)
			.doesNotContain("old-" + sender);
	}

	@Test
	void aDeadLetterStreamKeepsNeitherOldNorTooManyEntries() {
		String stream = "bot:test:dead-letters:" + WebhookPayloads.newSender();
		long twoHoursAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
		this.redis.xadd(stream, new StreamEntryID(twoHoursAgo, 0), Map.of("error", "old"));

		this.deadLetters.add(this.redis, stream, Map.of("error", "new"));

		assertThat(this.redis.xrange(stream, StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, 10))
			.extracting((entry) -> entry.getFields().get("error"))
			.containsExactly("new");
		for (int i = 0; i < 150; i++) {
			this.deadLetters.add(this.redis, stream, Map.of("error", "e" + i));
		}
		assertThat(this.redis.xlen(stream)).isEqualTo(100);
	}

	private HttpResponse<String> recordConversion(String id, String sender) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/conversions"))
					.header("Authorization", "Bearer sandbox-admin-token")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"id\":\"" + id + "\",\"accountId\":\"" + ACCOUNT + "\",\"senderId\":\"" + sender
								+ "\",\"type\":\"order\",\"occurredAt\":\"" + this.clock.instant() + "\"}")));
	}

	private static long days(int days) {
		return Duration.ofDays(days).toSeconds();
	}

}
