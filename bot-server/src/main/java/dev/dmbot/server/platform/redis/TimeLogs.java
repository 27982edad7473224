package dev.dmbot.server.platform.redis;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/** Makes {@link TimeLog}s on the server's Redis, so their users need no Redis client. */
@Component
public class TimeLogs {

	private final UnifiedJedis redis;

	public TimeLogs(UnifiedJedis redis) {
		this.redis = redis;
	}

	/** The log kept at this key. */
	public TimeLog named(String key) {
		return new TimeLog(this.redis, key);
	}

}
