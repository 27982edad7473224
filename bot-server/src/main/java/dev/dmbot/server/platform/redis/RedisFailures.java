package dev.dmbot.server.platform.redis;

import java.util.List;
import java.util.function.Supplier;

import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import dev.dmbot.server.system.BotException;
import dev.dmbot.server.system.PermanentException;
import dev.dmbot.server.system.TransientException;

/**
 * Turns a Jedis exception into the server's own split: {@link TransientException} (a
 * {@link RedisUnavailableException}) when waiting and trying again may help (Redis
 * unreachable, its pool exhausted, a server that is loading, failing over, busy or
 * read-only for now), {@link PermanentException} (a {@link RedisRefusedException}) when
 * it cannot (a command Redis refuses as such, keys of several slots in one command on a
 * Cluster). The one place where a Redis error is classified, so callers decide by type,
 * never by message text.
 */
public final class RedisFailures {

	/**
	 * Error prefixes of a Redis that is in a passing state: restarting, failing over, or
	 * busy with a script.
	 */
	private static final List<String> PASSING = List.of("LOADING", "BUSY", "TRYAGAIN", "CLUSTERDOWN", "MASTERDOWN",
			"READONLY");

	private RedisFailures() {
	}

	/** Runs one Redis call and translates what Jedis throws. */
	public static <T> T translating(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (JedisException ex) {
			throw translate(what, ex);
		}
	}

	/** Runs one Redis call and translates what Jedis throws. */
	public static void translating(String what, Runnable call) {
		try {
			call.run();
		}
		catch (JedisException ex) {
			throw translate(what, ex);
		}
	}

	/**
	 * The server's exception for a Jedis one; {@code what} says what was being done, for
	 * the message.
	 */
	public static BotException translate(String what, JedisException ex) {
		String message = what + ": " + ex.getMessage();
		if (ex instanceof JedisDataException && String.valueOf(ex.getMessage()).startsWith("NOGROUP")) {
			return new StreamGroupMissingException(message, ex);
		}
		return isTransient(ex) ? new RedisUnavailableException(message, ex) : new RedisRefusedException(message, ex);
	}

	/**
	 * Whether waiting may fix it: any failure to talk to Redis, and the error answers of
	 * a server in a passing state. Other error answers mean Redis refuses the command as
	 * such.
	 */
	public static boolean isTransient(JedisException ex) {
		if (ex instanceof JedisClusterOperationException
				&& String.valueOf(ex.getMessage()).contains("multiple hash slots")) {
			// Keys of several slots in one command: on a Redis Cluster it never works.
			return false;
		}
		if (!(ex instanceof JedisDataException)) {
			return true;
		}
		String message = String.valueOf(ex.getMessage());
		return PASSING.stream().anyMatch(message::startsWith);
	}

	/**
	 * Whether Redis answered that the key already exists as the group asked to be made.
	 */
	public static boolean isGroupAlreadyThere(JedisException ex) {
		return ex instanceof JedisDataException && String.valueOf(ex.getMessage()).startsWith("BUSYGROUP");
	}

}
