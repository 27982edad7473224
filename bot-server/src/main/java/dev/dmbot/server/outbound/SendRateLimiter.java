package dev.dmbot.server.outbound;

import java.time.Clock;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Holds every instance together to the per-account send rate: a counter per account and
 * second in Redis. A caller over the cap waits for the next second rather than failing,
 * so replies are delayed, never dropped.
 */
@Component
class SendRateLimiter {

	private static final String INCREMENT = "local n = redis.call('incr', KEYS[1]) "
			+ "if n == 1 then redis.call('expire', KEYS[1], 2) end return n";

	private final UnifiedJedis redis;

	private final OutboundProperties properties;

	private final Clock clock;

	SendRateLimiter(UnifiedJedis redis, OutboundProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	void acquire(String accountId) {
		while (true) {
			long now = this.clock.millis();
			long second = now / 1000;
			Object count = this.redis.eval(INCREMENT, java.util.List.of(OutboundKeys.sendRate(accountId, second)),
					java.util.List.of());
			if (((Number) count).longValue() <= this.properties.maxSendsPerSecond()) {
				return;
			}
			try {
				Thread.sleep(Math.max(1, (second + 1) * 1000 - now));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
