package dev.dmbot.server.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * The gauge {@code bot_dead_letters{stream}}: how many entries a dead-letter stream
 * holds, read from Redis at each scrape, so every instance shows the same figure.
 */
public final class DeadLetterGauge {

	private DeadLetterGauge() {
	}

	/**
	 * @param name the stream's short name for the {@code stream} tag, such as
	 * {@code replies}
	 */
	public static void register(MeterRegistry meters, UnifiedJedis redis, String name, String stream) {
		Gauge.builder("bot.dead.letters", () -> length(redis, stream))
			.description("Entries waiting in a dead-letter stream, on all instances")
			.tag("stream", name)
			.register(meters);
	}

	private static double length(UnifiedJedis redis, String stream) {
		try {
			return redis.xlen(stream);
		}
		catch (RuntimeException ex) {
			// Redis away: the scrape shows no value rather than failing.
			return Double.NaN;
		}
	}

}
