package dev.dmbot.server.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What live inboxes are told, on every instance: changes are published on the Redis
 * channel {@code bot:escalations:events}, and one thread per instance, on a connection of
 * its own, hands what arrives to the local {@link EscalationStream}. When Redis goes away
 * the thread reconnects with backoff; events published meanwhile are lost (an inbox that
 * reconnects reads the queue again), and nothing else is affected.
 */
@Component
class EscalationEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EscalationEvents.class);

	private static final long FIRST_BACKOFF_MILLIS = 200;

	private static final long MAX_BACKOFF_MILLIS = 5_000;

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final EscalationStream stream;

	private final Clock clock;

	private volatile Listener listener;

	/** Set while Redis is away, so the reconnection is logged once. */
	private volatile boolean lost;

	private volatile boolean running;

	private volatile boolean subscribed;

	private volatile Thread thread;

	private volatile Connection connection;

	EscalationEvents(UnifiedJedis redis, JsonMapper json, EscalationStream stream, Clock clock) {
		this.redis = redis;
		this.json = json;
		this.stream = stream;
		this.clock = clock;
	}

	/** An escalation opened or changed: {@code change} says how. */
	void escalation(StoredEscalation stored, String change) {
		ObjectNode data = (ObjectNode) this.json
			.valueToTree(EscalationSummary.of(stored, stored.lastCustomerMessage(), this.clock.instant()));
		data.put("change", change);
		publish("escalation", stored.escalation().accountId(), data);
	}

	/**
	 * A message in an escalated conversation: the customer's ({@code in}), an agent's
	 * reply or note ({@code out}, kind {@code agent} or {@code note}).
	 */
	void message(Escalation escalation, String direction, String kind, String text, Instant at, String agent) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("escalationId", escalation.id());
		data.put("accountId", escalation.accountId());
		data.put("senderId", escalation.senderId());
		data.put("direction", direction);
		data.put("kind", kind);
		data.put("text", text);
		data.put("at", at);
		if (agent != null) {
			data.put("agent", agent);
		}
		publish("message", escalation.accountId(), this.json.valueToTree(data));
	}

	/** Whether this instance currently receives the channel. */
	boolean subscribed() {
		return this.subscribed;
	}

	private void publish(String type, String accountId, JsonNode data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("type", type);
		envelope.put("accountId", accountId);
		envelope.put("data", data);
		try {
			this.redis.publish(EscalationKeys.EVENTS_CHANNEL, this.json.writeValueAsString(envelope));
		}
		catch (RuntimeException ex) {
			// What happened is stored; only the live view misses it.
			log.warn("Could not tell live inboxes about a {} event: {}", type, ex.toString());
		}
	}

	private void received(String message) {
		try {
			JsonNode envelope = this.json.readTree(message);
			this.stream.deliver(envelope.path("type").asString(), envelope.path("accountId").asString(),
					this.json.writeValueAsString(envelope.path("data")));
		}
		catch (RuntimeException ex) {
			log.warn("Ignored an escalation event that could not be read: {}", ex.toString());
		}
	}

	private void listen() {
		long backoff = FIRST_BACKOFF_MILLIS;
		while (this.running) {
			Listener listening = new Listener();
			this.listener = listening;
			try {
				if (this.redis instanceof RedisClient client) {
					// A connection of its own, outside the pool: it stays subscribed.
					Connection own = client.getPool().getFactory().makeObject().getObject();
					this.connection = own;
					try {
						listening.proceed(own, EscalationKeys.EVENTS_CHANNEL);
					}
					finally {
						this.connection = null;
						own.close();
					}
				}
				else {
					this.redis.subscribe(listening, EscalationKeys.EVENTS_CHANNEL);
				}
				backoff = FIRST_BACKOFF_MILLIS;
			}
			catch (Exception ex) {
				this.subscribed = false;
				if (!this.running) {
					return;
				}
				if (!this.lost) {
					log.warn("Live escalation events paused, Redis is unreachable ({}); reconnecting", ex.toString());
					this.lost = true;
				}
				sleep(backoff);
				backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread listening = new Thread(this::listen, "escalation-events");
		listening.setDaemon(true);
		this.thread = listening;
		listening.start();
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			Listener listening = this.listener;
			if (listening != null && listening.isSubscribed()) {
				listening.unsubscribe();
			}
		}
		catch (RuntimeException ex) {
			// The connection is gone already.
		}
		Connection own = this.connection;
		if (own != null) {
			try {
				own.close();
			}
			catch (RuntimeException ex) {
				// Closing ends the blocked read either way.
			}
		}
		Thread listening = this.thread;
		if (listening != null) {
			listening.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts after the local stream (a lower phase starts first), so no event arrives
	 * before it can be written, and stops before it.
	 */
	@Override
	public int getPhase() {
		return EscalationStream.PHASE + 1;
	}

	private final class Listener extends JedisPubSub {

		@Override
		public void onSubscribe(String channel, int subscribedChannels) {
			EscalationEvents.this.subscribed = true;
			if (EscalationEvents.this.lost) {
				EscalationEvents.this.lost = false;
				log.info("Live escalation events resumed: Redis is reachable again");
			}
		}

		@Override
		public void onUnsubscribe(String channel, int subscribedChannels) {
			EscalationEvents.this.subscribed = false;
		}

		@Override
		public void onMessage(String channel, String message) {
			received(message);
		}

	}

}
