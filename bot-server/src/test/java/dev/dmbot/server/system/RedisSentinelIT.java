package dev.dmbot.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisSentinel;

import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server behind a real Redis Sentinel ({@code bot.redis.sentinel.*}): it asks the
 * sentinel for the primary of {@code dmbot} and answers a DM through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.watch=false", "bot.intake.partitions=2" })
class RedisSentinelIT {

	static final EmbeddedRedisServer primary = new EmbeddedRedisServer();

	static final int sentinelPort = freePort();

	static final RedisSentinel sentinel = startSentinel();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("bot.redis.sentinel.master", () -> "dmbot");
		registry.add("bot.redis.sentinel.nodes", () -> "127.0.0.1:" + sentinelPort);
	}

	@TestConfiguration
	static class StopRedisWithTheServer {

		@Bean(destroyMethod = "close")
		AutoCloseable embeddedSentinelAndPrimary() {
			return () -> {
				sentinel.stop();
				primary.close();
			};
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Test
	void aDirectMessageIsAnsweredThroughTheSentinelsPrimary() {
		assertThat(this.redis).isInstanceOf(RedisSentinelClient.class);
		assertThat(((RedisSentinelClient) this.redis).getCurrentMaster().getPort()).isEqualTo(primary.port());
		String sender = WebhookPayloads.newSender();

		assertThat(new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET)
			.post(WebhookPayloads.from(sender).textMessage("how much is shipping to Porto?"))
			.statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.redis.xlen("bot:{" + WebhookPayloads.ACCOUNT + ":" + sender + "}:log") >= 2);
	}

	private static RedisSentinel startSentinel() {
		try {
			RedisSentinel started = RedisSentinel.newRedisSentinel()
				.bind("127.0.0.1")
				.port(sentinelPort)
				.masterName("dmbot")
				.masterPort(primary.port())
				.quorumSize(1)
				.build();
			started.start();
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded Redis Sentinel", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
