package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.TransientException;

/**
 * Works one partition while this instance holds its lease: first the entries a previous
 * owner left pending, then new ones, one at a time so each sender's events keep their
 * order. An entry is acknowledged only after its outcome is stored.
 */
final class PartitionWorker implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final int partition;

	private final String consumer;

	private final UnifiedJedis redis;

	private final EventCodec codec;

	private final InboundEventHandler handler;

	private final IntakeProperties properties;

	private final MeterRegistry meters;

	private final DeadLetterProperties deadLetters;

	private volatile boolean running = true;

	private volatile boolean finished;

	PartitionWorker(int partition, String consumer, UnifiedJedis redis, EventCodec codec, InboundEventHandler handler,
			IntakeProperties properties, MeterRegistry meters, DeadLetterProperties deadLetters) {
		this.partition = partition;
		this.consumer = consumer;
		this.redis = redis;
		this.codec = codec;
		this.handler = handler;
		this.properties = properties;
		this.meters = meters;
		this.deadLetters = deadLetters;
	}

	int partition() {
		return this.partition;
	}

	void stop() {
		this.running = false;
	}

	/**
	 * Still asked to work its partition (it may be finishing an entry after
	 * {@link #stop()}).
	 */
	boolean active() {
		return this.running;
	}

	boolean finished() {
		return this.finished;
	}

	@Override
	public void run() {
		String stream = StreamKeys.stream(this.partition);
		long backoffMillis = 100;
		boolean takeOverDone = false;
		try {
			while (this.running) {
				try {
					if (!takeOverDone) {
						ensureGroup(stream);
						claimAbandoned(stream);
						takeOverDone = true;
					}
					// Own pending entries first (left by a failed attempt), then new
					// ones.
					boolean progressed = drain(stream, new StreamEntryID(), 0);
					if (!progressed && this.running) {
						drain(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
								(int) this.properties.block().toMillis());
					}
					backoffMillis = 100;
				}
				catch (JedisDataException ex) {
					if (String.valueOf(ex.getMessage()).startsWith("NOGROUP")) {
						// The stream was lost (a Redis without persistence restarted):
						// create the group again.
						takeOverDone = false;
					}
					else {
						log.error("Partition {}: Redis refused a command: {}", this.partition, ex.getMessage());
					}
					sleep(backoffMillis);
					backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
				}
				catch (JedisException | TransientException ex) {
					// Connection lost, or no pooled connection free in time: both pass.
					log.warn("Partition {} paused for {} ms: {}", this.partition, backoffMillis, ex.getMessage());
					sleep(backoffMillis);
					backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
				}
				catch (RuntimeException ex) {
					log.error("Partition {} worker failed unexpectedly; retrying", this.partition, ex);
					sleep(backoffMillis);
					backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
				}
			}
		}
		finally {
			this.finished = true;
		}
	}

	private void ensureGroup(String stream) {
		try {
			this.redis.xgroupCreate(stream, StreamKeys.GROUP, new StreamEntryID(), true);
		}
		catch (JedisDataException ex) {
			if (!String.valueOf(ex.getMessage()).startsWith("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	/**
	 * Takes over whatever other consumers of this partition left unacknowledged: their
	 * lease is gone.
	 */
	private void claimAbandoned(String stream) {
		StreamEntryID cursor = new StreamEntryID();
		do {
			Map.Entry<StreamEntryID, List<StreamEntryID>> claimed = this.redis.xautoclaimJustId(stream,
					StreamKeys.GROUP, this.consumer, 0, cursor, XAutoClaimParams.xAutoClaimParams().count(500));
			if (!claimed.getValue().isEmpty()) {
				log.info("Partition {}: took over {} pending events", this.partition, claimed.getValue().size());
			}
			cursor = claimed.getKey();
		}
		while (this.running && !cursor.equals(new StreamEntryID()));
	}

	/** Processes one batch; returns whether there was anything to process. */
	private boolean drain(String stream, StreamEntryID from, int blockMillis) {
		XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(this.properties.batchSize());
		if (blockMillis > 0) {
			params.block(blockMillis);
		}
		List<Map.Entry<String, List<StreamEntry>>> read = this.redis.xreadGroup(StreamKeys.GROUP, this.consumer, params,
				Map.of(stream, from));
		if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
			return false;
		}
		for (StreamEntry entry : read.get(0).getValue()) {
			if (!this.running) {
				break;
			}
			process(stream, entry);
		}
		return true;
	}

	private void process(String stream, StreamEntry entry) {
		String encoded = entry.getFields() == null ? null : entry.getFields().get("event");
		InboundEvent event;
		try {
			event = this.codec.decode(encoded);
		}
		catch (RuntimeException ex) {
			setAside(stream, entry, null, "unreadable entry: " + ex.getMessage());
			return;
		}
		Handling handled;
		try {
			handled = this.handler.handle(event);
		}
		catch (TransientException ex) {
			throw ex;
		}
		catch (JedisException ex) {
			if (isTransient(ex)) {
				// The event stays pending and is tried again, never set aside.
				throw ex;
			}
			log.error("Event {} of {} could not be handled and was set aside in {}", event.dedupKey(),
					event.conversationId(), StreamKeys.FAILED, ex);
			setAside(stream, entry, event, ex.toString());
			return;
		}
		catch (RuntimeException ex) {
			log.error("Event {} of {} could not be handled and was set aside in {}", event.dedupKey(),
					event.conversationId(), StreamKeys.FAILED, ex);
			setAside(stream, entry, event, ex.toString());
			return;
		}
		this.meters.counter("bot.intake.events", "outcome", handled == Handling.DUPLICATE ? "duplicate" : "processed")
			.increment();
		acknowledge(stream, entry.getID());
	}

	private void setAside(String stream, StreamEntry entry, InboundEvent event, String reason) {
		Map<String, String> fields = new java.util.HashMap<>(entry.getFields() == null ? Map.of() : entry.getFields());
		fields.put("error", reason);
		fields.put("stream", stream);
		this.deadLetters.add(this.redis, StreamKeys.FAILED, fields);
		this.meters.counter("bot.intake.events", "outcome", "failed").increment();
		acknowledge(stream, entry.getID());
	}

	private void acknowledge(String stream, StreamEntryID id) {
		this.redis.xack(stream, StreamKeys.GROUP, id);
		// The conversation log keeps what matters; the queue entry itself is no longer
		// needed.
		this.redis.xdel(stream, id);
	}

	/**
	 * Redis unreachable, its pool exhausted, or a server that is loading, failing over or
	 * busy: all pass, so the event must wait rather than be set aside.
	 */
	static boolean isTransient(JedisException ex) {
		if (ex instanceof JedisClusterOperationException
				&& String.valueOf(ex.getMessage()).contains("multiple hash slots")) {
			// Keys of several slots in one command: on a Redis Cluster it never works.
			return false;
		}
		if (!(ex instanceof JedisDataException)) {
			return true;
		}
		String message = String.valueOf(ex.getMessage());
		return message.startsWith("LOADING") || message.startsWith("BUSY") || message.startsWith("TRYAGAIN")
				|| message.startsWith("CLUSTERDOWN") || message.startsWith("MASTERDOWN")
				|| message.startsWith("READONLY");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
