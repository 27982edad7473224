package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.dmbot.server.support.CommandStats;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An idle instance on the defaults (8 partitions, 15 s leases) barely talks to Redis:
 * counted from the Redis side with {@code INFO commandstats} (which also counts the
 * commands scripts run) over 10 s. The bound is generous so that a busy machine cannot
 * make it flaky; {@code BENCHMARKS.md} reports the real figure.
 */
@SpringBootTest(properties = { "bot.rules.watch=false", "spring.application.name=idle-redis-traffic" })
class IdleRedisTrafficIT {

	private static final Logger log = LoggerFactory.getLogger(IdleRedisTrafficIT.class);

	static final Duration WINDOW = Duration.ofSeconds(10);

	static final double MAX_COMMANDS_PER_SECOND = 8;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Autowired
	MeterRegistry meters;

	@Test
	void anIdleInstanceSendsFewCommands() throws InterruptedException {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.get("bot.intake.partitions.owned").gauge().value() == 8);
		try (UnifiedJedis redis = RedisClient.builder()
			.hostAndPort(new HostAndPort("127.0.0.1", this.redisServer.server().port()))
			.build()) {
			// Start-up work (activating the rules, pushing the ice breakers) is over.
			TimeUnit.SECONDS.sleep(2);
			Map<String, Long> before = CommandStats.read(redis);
			long started = System.nanoTime();
			// A rate needs time to pass: there is no window to move forward here.
			TimeUnit.MILLISECONDS.sleep(WINDOW.toMillis());
			Map<String, Long> ran = CommandStats.between(before, CommandStats.read(redis));
			double seconds = (System.nanoTime() - started) / 1e9;
			ran.remove("info");
			long total = ran.values().stream().mapToLong(Long::longValue).sum();
			log.info("Idle Redis traffic over {} s: {} commands, {}/s: {}", String.format("%.1f", seconds), total,
					String.format("%.2f", total / seconds), ran);
			assertThat(total / seconds).as("commands per second while idle: %s", ran)
				.isLessThan(MAX_COMMANDS_PER_SECOND);
		}
	}

}
