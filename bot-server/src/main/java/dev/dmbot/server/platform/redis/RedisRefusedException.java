package dev.dmbot.server.platform.redis;

import dev.dmbot.server.system.PermanentException;

/**
 * Redis refused the command as such (a wrong type, keys of several Cluster slots in one
 * command): trying again will not help. Made by {@link RedisFailures} from what Jedis
 * throws.
 */
public class RedisRefusedException extends PermanentException {

	public RedisRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
