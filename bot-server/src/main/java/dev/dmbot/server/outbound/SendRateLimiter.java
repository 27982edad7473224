package dev.dmbot.server.outbound;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Holds every instance together to the per-account send rate: a counter per account and
 * second in Redis, {@code bot:rate:{account}:<epoch second>}. A caller over the cap waits
 * for the next second rather than failing, so replies are delayed, never dropped.
 * <p>
 * An instance takes its share of a second in blocks rather than one send at a time: the
 * first send of a second reserves one, and while this instance keeps sending, each
 * reservation doubles, up to a tenth of the cap. Under load that is a few Redis calls a
 * second instead of one a reply; a block an instance does not use up is lost for that
 * second only, so with several instances near the cap a reply may wait for the next
 * second a little earlier than the cap alone would make it.
 */
@Component
class SendRateLimiter {

	private static final String RESERVE = "local n = redis.call('incrby', KEYS[1], ARGV[1]) "
			+ "if n == tonumber(ARGV[1]) then redis.call('expire', KEYS[1], 2) end return n";

	private final UnifiedJedis redis;

	private final OutboundProperties properties;

	private final Clock clock;

	private final Map<String, Allowance> allowances = new ConcurrentHashMap<>();

	SendRateLimiter(UnifiedJedis redis, OutboundProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	void acquire(String accountId) {
		while (!tryAcquire(accountId)) {
			long now = this.clock.millis();
			try {
				Thread.sleep(Math.max(1, (now / 1000 + 1) * 1000 - now));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * One send of the account's current second, if the cap leaves one.
	 * @return whether the caller may send now
	 */
	boolean tryAcquire(String accountId) {
		Allowance allowance = this.allowances.computeIfAbsent(accountId, (account) -> new Allowance());
		long second = this.clock.millis() / 1000;
		synchronized (allowance) {
			if (allowance.take(second)) {
				return true;
			}
			long block = allowance.nextBlock(second, largestBlock());
			Object total = this.redis.eval(RESERVE, List.of(OutboundKeys.sendRate(accountId, second)),
					List.of(Long.toString(block)));
			long before = ((Number) total).longValue() - block;
			allowance.reserved(second, block,
					Math.max(0, Math.min(block, this.properties.maxSendsPerSecond() - before)));
			return allowance.take(second);
		}
	}

	private long largestBlock() {
		return Math.max(1, this.properties.maxSendsPerSecond() / 10);
	}

	/** What this instance has reserved of one account's current second. */
	private static final class Allowance {

		private long second = -1;

		private long left;

		private long block;

		boolean take(long now) {
			if (this.second == now && this.left > 0) {
				this.left--;
				return true;
			}
			return false;
		}

		/**
		 * Twice the last block while sends keep coming (this second or the one before),
		 * one after a pause.
		 */
		long nextBlock(long now, long largest) {
			boolean busy = this.block > 0 && (this.second == now || this.second == now - 1);
			return busy ? Math.min(largest, this.block * 2) : 1;
		}

		void reserved(long now, long block, long granted) {
			this.second = now;
			this.block = block;
			this.left = granted;
		}

	}

}
