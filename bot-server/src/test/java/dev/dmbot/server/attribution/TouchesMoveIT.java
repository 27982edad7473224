package dev.dmbot.server.attribution;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;

import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.context.ContextProperties;
import dev.dmbot.server.platform.redis.HashMoves;
import dev.dmbot.server.support.EmbeddedRedisCluster;
import dev.dmbot.server.support.StandaloneRedis;
import dev.dmbot.server.workbook.Exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The touches an earlier release kept in {@code bot:{account:sender}:touch} are moved
 * into the person's context hash at start-up, on a real redis-server: read as before, the
 * old key gone, once however many instances start at once.
 */
class TouchesMoveIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final ContextProperties RETENTION = new ContextProperties(Duration.ofDays(90), Duration.ofDays(90));

	@Test
	void touchesOfThePreviousReleaseAreReadFromTheContextOnceMoved() {
		String sender = sender();
		client().hset(AttributionKeys.touch("acc", sender), Map.of("variant.pricing", "B", "last.rule",
				"lumen-oak.xlsx › Replies › row 12", "last.at", "2026-01-01T10:00:00Z", "awaiting", "pricing|B"));
		client().expire(AttributionKeys.touch("acc", sender), 5000);
		client().hset(ContextKeys.context("acc", sender), Map.of("state", "", "inboundCount", "3", "attr.plan", "pro"));
		client().expire(ContextKeys.context("acc", sender), 7000);

		assertThat(move()).isEqualTo(1);

		Touches touches = touches().load("acc", sender);
		assertThat(touches.variants()).containsExactly(Map.entry("pricing", "B"));
		assertThat(touches.lastRule()).isEqualTo("lumen-oak.xlsx › Replies › row 12");
		assertThat(touches.lastAt()).hasToString("2026-01-01T10:00:00Z");
		assertThat(touches.awaitingReply()).isEqualTo(new Exposure("pricing", "B"));
		assertThat(client().exists(AttributionKeys.touch("acc", sender))).isFalse();
		assertThat(client().hget(ContextKeys.context("acc", sender), "attr.plan")).isEqualTo("pro");
		assertThat(client().ttl(ContextKeys.context("acc", sender))).isBetween(6900L, 7000L);
	}

	@Test
	void whatTheContextAlreadyHoldsWinsAndAMovedContextExpires() {
		String sender = sender();
		client().hset(AttributionKeys.touch("acc", sender),
				Map.of("variant.pricing", "A", "last.at", "2026-01-01T10:00:00Z"));
		client().hset(ContextKeys.context("acc", sender), Map.of("_touch.variant.pricing", "B"));
		String alone = sender();
		client().hset(AttributionKeys.touch("acc", alone), Map.of("last.at", "2026-01-01T10:00:00Z"));
		client().expire(AttributionKeys.touch("acc", alone), 5000);

		move();

		assertThat(touches().load("acc", sender).variants()).containsExactly(Map.entry("pricing", "B"));
		assertThat(client().ttl(ContextKeys.context("acc", sender))).isGreaterThan(Duration.ofDays(89).toSeconds());
		assertThat(client().ttl(ContextKeys.context("acc", alone))).isBetween(4900L, 5000L);
	}

	@Test
	void instancesStartingAtOnceMoveEachHashOnceAndAgainNothing() throws Exception {
		List<String> senders = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			String sender = sender();
			senders.add(sender);
			client().hset(AttributionKeys.touch("acc", sender),
					Map.of("variant.pricing", "A", "last.at", "2026-01-01T10:00:00Z"));
		}
		client().hset("bot:{acc:someone}:escalation:touch", Map.of("kept", "as it is"));

		ExecutorService instances = Executors.newFixedThreadPool(3);
		List<Future<Long>> moved = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				moved.add(instances.submit((Callable<Long>) TouchesMoveIT::move));
			}
			long total = 0;
			for (Future<Long> each : moved) {
				total += each.get();
			}
			assertThat(total).isEqualTo(senders.size());
		}
		finally {
			instances.shutdown();
		}

		assertThat(move()).isZero();
		assertThat(senders).allSatisfy((sender) -> {
			assertThat(client().exists(AttributionKeys.touch("acc", sender))).isFalse();
			assertThat(client().hget(ContextKeys.context("acc", sender), "_touch.variant.pricing")).isEqualTo("A");
		});
		assertThat(client().hgetAll("bot:{acc:someone}:escalation:touch")).containsEntry("kept", "as it is");
	}

	@Test
	void touchesAreMovedOnEveryNodeOfARedisCluster() {
		try (EmbeddedRedisCluster cluster = new EmbeddedRedisCluster(3);
				RedisClusterClient nodes = RedisClusterClient.builder()
					.nodes(cluster.ports()
						.stream()
						.map((port) -> new HostAndPort("127.0.0.1", port))
						.collect(Collectors.toSet()))
					.build()) {
			List<String> senders = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				String sender = sender() + i;
				senders.add(sender);
				nodes.hset(AttributionKeys.touch("acc", sender), Map.of("variant.pricing", "B"));
				nodes.hset(ContextKeys.context("acc", sender), Map.of("state", "", "inboundCount", "1"));
			}

			assertThat(new TouchesMove(new HashMoves(nodes), RETENTION).run()).isEqualTo(senders.size());

			assertThat(senders).allSatisfy((sender) -> {
				assertThat(nodes.exists(AttributionKeys.touch("acc", sender))).isFalse();
				assertThat(new ContactTouches(nodes, RETENTION).load("acc", sender).variants())
					.containsExactly(Map.entry("pricing", "B"));
			});
		}
	}

	@Test
	void aServerStartedWhileRedisIsAwayStillStarts() throws Exception {
		int nobody;
		try (ServerSocket socket = new ServerSocket(0)) {
			nobody = socket.getLocalPort();
		}
		try (RedisClient away = RedisClient.builder().hostAndPort("127.0.0.1", nobody).build()) {
			TouchesMove move = new TouchesMove(new HashMoves(away), RETENTION);

			assertThatCode(move::afterSingletonsInstantiated).doesNotThrowAnyException();
		}
	}

	/** What one instance's start does. */
	private static long move() {
		return new TouchesMove(new HashMoves(client()), RETENTION).run();
	}

	private static ContactTouches touches() {
		return new ContactTouches(client(), RETENTION);
	}

	private static String sender() {
		return Long.toString(System.nanoTime());
	}

	private static RedisClient client() {
		return redis.client();
	}

}
