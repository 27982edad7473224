package dev.dmbot.server.platform.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Leases shared by every instance: whoever takes the lease at a key holds it alone until
 * it releases it or its time limit passes, so work that must be done once across the
 * cluster (refreshing an account's token) is done by one instance, and an instance that
 * dies holding a lease blocks nobody for longer than the limit.
 */
@Component
public class Leases {

	/** Deletes the lease only while it is still the holder's own. */
	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""";

	private final UnifiedJedis redis;

	public Leases(UnifiedJedis redis) {
		this.redis = redis;
	}

	/**
	 * Takes the lease at {@code key} for at most {@code limit}.
	 * @return the lease; empty when another holder has it
	 * @throws dev.dmbot.server.system.TransientException when Redis cannot be reached
	 */
	public Optional<Lease> take(String key, Duration limit) {
		if (limit.isNegative() || limit.isZero()) {
			throw new IllegalArgumentException("a lease's time limit must be positive, but was " + limit);
		}
		String holder = UUID.randomUUID().toString();
		String answer = RedisFailures.translating("take the lease " + key,
				() -> this.redis.set(key, holder, SetParams.setParams().nx().px(limit.toMillis())));
		return "OK".equals(answer) ? Optional.of(new Lease(key, holder)) : Optional.empty();
	}

	/** A lease taken by {@link #take}: release it when the work is done. */
	public final class Lease {

		private final String key;

		private final String holder;

		private Lease(String key, String holder) {
			this.key = key;
			this.holder = holder;
		}

		/**
		 * Gives the lease up, unless its time limit passed and someone else holds it now.
		 * @return whether it was still held
		 */
		public boolean release() {
			Object released = RedisFailures.translating("release the lease " + this.key,
					() -> Leases.this.redis.eval(RELEASE, List.of(this.key), List.of(this.holder)));
			return Long.valueOf(1).equals(released);
		}

		@Override
		public String toString() {
			return "Lease[" + this.key + "]";
		}

	}

}
