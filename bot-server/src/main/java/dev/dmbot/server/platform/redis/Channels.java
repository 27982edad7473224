package dev.dmbot.server.platform.redis;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis pub/sub for features that must not hold a Redis client: say something on a
 * channel, or listen to one ({@link ChannelSubscription}). A message is only a nudge:
 * pub/sub forgets what nobody heard, so a listener reads the state itself.
 */
@Component
public class Channels {

	private final UnifiedJedis redis;

	public Channels(UnifiedJedis redis) {
		this.redis = redis;
	}

	/** Sends {@code message} to every instance listening on {@code channel}. */
	public void publish(String channel, String message) {
		RedisFailures.translating("publish on " + channel, () -> this.redis.publish(channel, message));
	}

	/**
	 * Listens to {@code channel} on a daemon thread named {@code threadName}; close the
	 * answer to stop.
	 */
	public ChannelSubscription subscribe(String channel, String threadName, Runnable listener) {
		return ChannelSubscription.open(this.redis, channel, threadName, listener);
	}

}
