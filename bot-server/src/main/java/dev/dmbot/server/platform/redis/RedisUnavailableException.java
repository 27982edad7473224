package dev.dmbot.server.platform.redis;

import dev.dmbot.server.system.TransientException;

/**
 * Redis could not be reached, or is in a passing state (loading, failing over, busy):
 * trying again later may work. Made by {@link RedisFailures} from what Jedis throws.
 */
public class RedisUnavailableException extends TransientException {

	public RedisUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
