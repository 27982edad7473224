package dev.dmbot.server.platform.redis;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Listens to one Redis pub/sub channel on a thread of its own, and subscribes again after
 * a lost connection. A listener waits for a signal instead of polling: an idle
 * subscription sends nothing to Redis.
 * <p>
 * Pub/sub forgets what it sent while nobody listened, so the listener is also called
 * right after each (re)subscription: whatever it reacts to must be checked then too.
 * Close it to unsubscribe.
 */
public final class ChannelSubscription implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChannelSubscription.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final UnifiedJedis redis;

	private final String channel;

	private final Runnable listener;

	private final CountDownLatch closed = new CountDownLatch(1);

	private volatile JedisPubSub current;

	private ChannelSubscription(UnifiedJedis redis, String channel, Runnable listener) {
		this.redis = redis;
		this.channel = channel;
		this.listener = listener;
	}

	/**
	 * Subscribes to {@code channel} and calls {@code listener} on every message, on a
	 * daemon thread named {@code threadName}. A listener that throws is logged and keeps
	 * listening.
	 */
	public static ChannelSubscription open(UnifiedJedis redis, String channel, String threadName, Runnable listener) {
		ChannelSubscription subscription = new ChannelSubscription(redis, channel, listener);
		Thread thread = new Thread(subscription::listen, threadName);
		thread.setDaemon(true);
		thread.start();
		return subscription;
	}

	private void listen() {
		while (this.closed.getCount() > 0) {
			JedisPubSub pubSub = new JedisPubSub() {
				@Override
				public void onSubscribe(String channel, int subscribedChannels) {
					if (ChannelSubscription.this.closed.getCount() == 0) {
						unsubscribe();
						return;
					}
					signal();
				}

				@Override
				public void onMessage(String channel, String message) {
					signal();
				}
			};
			this.current = pubSub;
			try {
				this.redis.subscribe(pubSub, this.channel);
			}
			catch (JedisException ex) {
				if (this.closed.getCount() > 0) {
					log.debug("Subscription to {} lost, subscribing again in {}: {}", this.channel, RETRY,
							ex.getMessage());
				}
			}
			catch (RuntimeException ex) {
				log.warn("Subscription to {} failed, subscribing again in {}", this.channel, RETRY, ex);
			}
			try {
				this.closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void signal() {
		try {
			this.listener.run();
		}
		catch (RuntimeException ex) {
			log.error("The listener of {} failed", this.channel, ex);
		}
	}

	@Override
	public void close() {
		this.closed.countDown();
		JedisPubSub pubSub = this.current;
		if (pubSub != null && pubSub.isSubscribed()) {
			try {
				pubSub.unsubscribe();
			}
			catch (RuntimeException ex) {
				// The connection is going anyway.
			}
		}
	}

}
