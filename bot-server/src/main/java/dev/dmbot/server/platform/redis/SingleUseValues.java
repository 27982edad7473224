package dev.dmbot.server.platform.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Values that can be read once, on any instance, before they expire: a login's
 * {@code state}, a confirmation code. Taking one deletes it in the same step, so two
 * requests carrying the same value never both get it.
 */
@Component
public class SingleUseValues {

	private static final String TAKE = """
			local value = redis.call('GET', KEYS[1])
			if value then redis.call('DEL', KEYS[1]) end
			return value
			""";

	private final UnifiedJedis redis;

	public SingleUseValues(UnifiedJedis redis) {
		this.redis = redis;
	}

	/**
	 * Keeps {@code value} at {@code key} for {@code timeToLive}.
	 * @return whether it was kept; {@code false} when the key holds a value already
	 */
	public boolean put(String key, String value, Duration timeToLive) {
		String answer = RedisFailures.translating("write a single-use value",
				() -> this.redis.set(key, value, SetParams.setParams().nx().px(timeToLive.toMillis())));
		return "OK".equals(answer);
	}

	/** The value at {@code key}, which is gone from then on; empty when there is none. */
	public Optional<String> take(String key) {
		Object value = RedisFailures.translating("take a single-use value",
				() -> this.redis.eval(TAKE, List.of(key), List.of()));
		return Optional.ofNullable((String) value);
	}

}
