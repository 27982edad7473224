package dev.dmbot.server.accounts.connect;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.SingleUseValues;

/** Pending logins in Redis, taken with one atomic read-and-delete. */
@Component
class RedisStateStore implements StateStore {

	private final SingleUseValues values;

	RedisStateStore(SingleUseValues values) {
		this.values = values;
	}

	@Override
	public boolean put(String key, String value, Duration timeToLive) {
		return this.values.put(key, value, timeToLive);
	}

	@Override
	public Optional<String> take(String key) {
		return this.values.take(key);
	}

}
