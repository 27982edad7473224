package dev.dmbot.server.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.support.EmbeddedRedisCluster;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server on a real three-node Redis Cluster ({@code bot.redis.cluster.nodes}): a DM
 * takes the whole path (stream, consumer group, the conversation's one transaction) with
 * keys spread over the nodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.watch=false", "bot.intake.partitions=4" })
class RedisClusterIT {

	static final EmbeddedRedisCluster cluster = new EmbeddedRedisCluster(3);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bot.redis.cluster.nodes", cluster::nodes);
	}

	@TestConfiguration
	static class StopClusterWithTheServer {

		/** Stopped after the server, so nothing logs a lost connection on the way out. */
		@Bean(destroyMethod = "close")
		EmbeddedRedisCluster embeddedRedisCluster() {
			return cluster;
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Test
	void aDirectMessageIsAnsweredOnARedisCluster() {
		assertThat(this.redis).isInstanceOf(RedisClusterClient.class);
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);
		for (int i = 0; i < 6; i++) {
			String sender = WebhookPayloads.newSender();
			assertThat(webhook.post(WebhookPayloads.from(sender).textMessage("how much is shipping to Porto?"))
				.statusCode()).isEqualTo(200);
			String conversation = "bot:{" + WebhookPayloads.ACCOUNT + ":" + sender + "}";
			await().atMost(Duration.ofSeconds(20)).until(() -> this.redis.xlen(conversation + ":log") >= 2);
			assertThat(this.redis.hgetAll(conversation + ":ctx")).isNotEmpty();
		}
	}

	@Test
	void aLeadAnEscalationAndADataDeletionWorkOnARedisCluster() {
		String sender = WebhookPayloads.newSender();
		WebhookPayloads customer = WebhookPayloads.from(sender);
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);
		long at = System.currentTimeMillis();
		webhook.post(customer.at(at++).textMessage("I want to renovate my flat in Porto, budget 20k"));
		webhook.post(customer.at(at++).quickReply("As soon as possible", "as soon as possible"));
		webhook.post(customer.at(at++).textMessage("Rui Lopes"));
		webhook.post(customer.at(at).textMessage("rui.lopes@sapo.pt"));
		String conversation = "bot:{" + WebhookPayloads.ACCOUNT + ":" + sender + "}";
		await().atMost(Duration.ofSeconds(30)).until(() -> this.redis.exists(conversation + ":escalation"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !RedisKeys
				.scan(this.redis, "bot:{leads}:source:" + WebhookPayloads.ACCOUNT + ":" + sender + ":*")
				.isEmpty());

		HttpResponse<String> deletion = HttpCalls.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/privacy/deletions"))
					.header("Authorization", "Bearer sandbox-admin-token")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"senderId\":\"" + sender + "\"}")));

		assertThat(deletion.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> RedisKeys.scan(this.redis, "*").stream().noneMatch((key) -> key.contains(sender)));
	}

}
