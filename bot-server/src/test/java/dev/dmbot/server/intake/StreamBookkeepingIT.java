package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.CommandStats;
import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.EmbeddedRedisServer;
import dev.dmbot.server.system.TransientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stream bookkeeping of a batch is one round trip: its entries are acknowledged and
 * deleted together, counted from the Redis side with {@code INFO commandstats}, against a
 * real redis-server.
 */
class StreamBookkeepingIT {

	static final int PARTITION = 0;

	static EmbeddedRedisServer server;

	static UnifiedJedis redis;

	final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@BeforeAll
	static void startRedis() {
		server = new EmbeddedRedisServer();
		redis = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", server.port())).build();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
		server.close();
	}

	@Test
	void aBatchIsAcknowledgedAndDeletedInOneGo() {
		int events = 10;
		for (int i = 0; i < events; i++) {
			redis.xadd(StreamKeys.stream(PARTITION), StreamEntryID.NEW_ENTRY,
					Map.of("event", this.codec.encode(textMessage("m-" + i))));
		}
		Map<String, Long> before = calls();
		List<String> handled = new CopyOnWriteArrayList<>();
		PartitionWorker worker = worker((event) -> {
			handled.add(event.mid());
			return Handling.PROCESSED;
		});
		Thread thread = new Thread(worker, "stream-bookkeeping-test");
		thread.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> redis.xlen(StreamKeys.stream(PARTITION)) == 0);
		}
		finally {
			worker.stop();
		}
		assertThat(worker.awaitFinished(Duration.ofSeconds(10))).isTrue();

		assertThat(handled).hasSize(events).startsWith("m-0").endsWith("m-" + (events - 1));
		Map<String, Long> calls = CommandStats.between(before, calls());
		assertThat(calls.getOrDefault("xack", 0L)).as("XACK calls for one batch").isEqualTo(1);
		assertThat(calls.getOrDefault("xdel", 0L)).as("XDEL calls for one batch").isEqualTo(1);
		assertThat(redis.xpending(StreamKeys.stream(PARTITION), StreamKeys.GROUP).getTotal()).isZero();
	}

	@Test
	void afterATransientFailureTheWorkerRetriesItsOwnPendingEntriesInOrder() {
		String stream = StreamKeys.stream(PARTITION);
		for (int i = 0; i < 6; i++) {
			redis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("event", this.codec.encode(textMessage("t-" + i))));
		}
		List<String> attempts = new CopyOnWriteArrayList<>();
		PartitionWorker worker = worker((event) -> {
			attempts.add(event.mid());
			if (event.mid().equals("t-3") && attempts.stream().filter("t-3"::equals).count() == 1) {
				throw new TransientException("Meta is away", null);
			}
			return Handling.PROCESSED;
		});
		new Thread(worker, "stream-bookkeeping-retry-test").start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> redis.xlen(stream) == 0);
		}
		finally {
			worker.stop();
		}
		assertThat(worker.awaitFinished(Duration.ofSeconds(10))).isTrue();

		// Those handled before the failure were acknowledged, not handled again.
		assertThat(attempts).containsExactly("t-0", "t-1", "t-2", "t-3", "t-3", "t-4", "t-5");
		assertThat(redis.xpending(stream, StreamKeys.GROUP).getTotal()).isZero();
	}

	private PartitionWorker worker(InboundEventHandler handler) {
		IntakeProperties properties = new IntakeProperties(8, 64, Duration.ofSeconds(3), Duration.ofDays(7),
				Duration.ofMillis(200), Duration.ofDays(3), Duration.ofSeconds(5));
		return new PartitionWorker(PARTITION, "test-consumer", redis, this.codec, handler, properties,
				new SimpleMeterRegistry(), new DeadLetterProperties(Duration.ofDays(30), 10000), () -> {
				});
	}

	private static InboundEvent textMessage(String mid) {
		return new MessageReceived(new Envelope("17841400000000000", "42", 1767225600000L, 1767225600000L, false, null),
				mid, "hi", List.of(), null, null);
	}

	/** Calls per command since the last reset, from {@code INFO commandstats}. */
	static Map<String, Long> calls() {
		return CommandStats.read(redis);
	}

}
