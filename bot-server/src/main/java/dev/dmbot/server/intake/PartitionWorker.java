package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import dev.dmbot.server.platform.redis.RedisFailures;
import dev.dmbot.server.platform.redis.StreamGroupMissingException;
import dev.dmbot.server.platform.redis.StreamMoves;
import dev.dmbot.server.system.BotException;
import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.TransientException;

/**
 * Works one partition while this instance holds its lease: first the entries a previous
 * owner left pending, then new ones, one at a time so each sender's events keep their
 * order. An entry is acknowledged only after its outcome is stored; the entries of one
 * batch are acknowledged together at its end.
 * <p>
 * An idle worker costs one blocking read per {@code bot.intake.block}. It wakes for
 * nothing else: whether it must stop (its instance stops, hands the partition to another
 * or lost the lease) is an in-process flag that it checks between reads.
 */
final class PartitionWorker implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final int partition;

	private final String consumer;

	private final UnifiedJedis redis;

	private final EventCodec codec;

	private final InboundEventHandler handler;

	private final IntakeProperties properties;

	private final MeterRegistry meters;

	private final DeadLetterProperties deadLetters;

	private final Runnable onFinished;

	/** Where the events of a disconnected account are kept. */
	private final StreamMoves held;

	/** Counted down by {@link #stop()}: a back-off wait ends at once. */
	private final CountDownLatch stopping = new CountDownLatch(1);

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile boolean running = true;

	PartitionWorker(int partition, String consumer, UnifiedJedis redis, EventCodec codec, InboundEventHandler handler,
			IntakeProperties properties, MeterRegistry meters, DeadLetterProperties deadLetters, Runnable onFinished) {
		this.partition = partition;
		this.consumer = consumer;
		this.redis = redis;
		this.codec = codec;
		this.handler = handler;
		this.properties = properties;
		this.meters = meters;
		this.deadLetters = deadLetters;
		this.onFinished = onFinished;
		this.held = new StreamMoves(redis);
	}

	int partition() {
		return this.partition;
	}

	void stop() {
		this.running = false;
		this.stopping.countDown();
	}

	/**
	 * Still asked to work its partition (it may be finishing an entry after
	 * {@link #stop()}).
	 */
	boolean active() {
		return this.running;
	}

	boolean finished() {
		return this.done.getCount() == 0;
	}

	/** Waits up to {@code patience} for the worker to finish; whether it has. */
	boolean awaitFinished(Duration patience) {
		try {
			return this.done.await(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return finished();
		}
	}

	@Override
	public void run() {
		String stream = StreamKeys.stream(this.partition);
		Duration backoff = FIRST_BACKOFF;
		// At take-over, and again after any failure: the group may be missing, and this
		// consumer may hold entries it read but did not finish.
		boolean recovering = true;
		boolean groupReady = false;
		try {
			while (this.running) {
				try {
					if (!groupReady) {
						ensureGroup(stream);
						claimAbandoned(stream);
						groupReady = true;
					}
					if (recovering) {
						while (this.running && drain(stream, new StreamEntryID(), 0)) {
							// Own pending entries until none is left.
						}
						recovering = false;
					}
					if (this.running) {
						drain(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
								(int) this.properties.block().toMillis());
					}
					backoff = FIRST_BACKOFF;
				}
				catch (RuntimeException ex) {
					groupReady = groupReady && !(failure(ex) instanceof StreamGroupMissingException);
					recovering = true;
					backoff = pause(backoff);
				}
			}
		}
		finally {
			this.done.countDown();
			this.onFinished.run();
		}
	}

	/** Logs what stopped the worker for now, translated; the failure. */
	private RuntimeException failure(RuntimeException ex) {
		RuntimeException failure = (ex instanceof JedisException jedis)
				? RedisFailures.translate("Partition " + this.partition, jedis) : ex;
		if (failure instanceof StreamGroupMissingException) {
			// The stream was lost (a Redis without persistence restarted): its group is
			// created again.
			log.warn("{}; creating its consumer group again", failure.getMessage());
		}
		else if (failure instanceof TransientException) {
			// Connection lost, no pooled connection free in time, Redis loading: all
			// pass.
			log.warn("Partition {} paused: {}", this.partition, failure.getMessage());
		}
		else if (failure instanceof BotException) {
			log.error("Partition {}: Redis refused a command: {}", this.partition, failure.getMessage());
		}
		else {
			log.error("Partition {} worker failed unexpectedly; retrying", this.partition, failure);
		}
		return failure;
	}

	/**
	 * Waits before the next try, or less if the worker is stopped meanwhile; returns the
	 * next wait.
	 */
	private Duration pause(Duration backoff) {
		try {
			this.stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		Duration next = backoff.multipliedBy(2);
		return (next.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : next;
	}

	private void ensureGroup(String stream) {
		try {
			this.redis.xgroupCreate(stream, StreamKeys.GROUP, new StreamEntryID(), true);
		}
		catch (JedisException ex) {
			if (!RedisFailures.isGroupAlreadyThere(ex)) {
				throw RedisFailures.translate("Creating the consumer group of " + stream, ex);
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
			StreamEntryID from = cursor;
			Map.Entry<StreamEntryID, List<StreamEntryID>> claimed = RedisFailures
				.translating("Claiming the pending entries of " + stream, () -> this.redis.xautoclaimJustId(stream,
						StreamKeys.GROUP, this.consumer, 0, from, XAutoClaimParams.xAutoClaimParams().count(500)));
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
		List<Map.Entry<String, List<StreamEntry>>> read = RedisFailures.translating("Reading " + stream,
				() -> this.redis.xreadGroup(StreamKeys.GROUP, this.consumer, params, Map.of(stream, from)));
		if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
			return false;
		}
		List<StreamEntryID> handled = new ArrayList<>();
		try {
			for (StreamEntry entry : read.get(0).getValue()) {
				if (!this.running) {
					// The rest stays pending for whoever works the partition next.
					break;
				}
				process(stream, entry);
				handled.add(entry.getID());
			}
		}
		finally {
			// Also when an entry failed: those before it are done. Should this write be
			// lost, they come again and their seen marker answers them as duplicates.
			acknowledge(stream, handled);
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
		Handling outcome;
		try {
			// The turn itself reads the event's seen marker with everything else it
			// needs.
			outcome = this.handler.handle(event);
		}
		catch (TransientException ex) {
			throw ex;
		}
		catch (JedisException ex) {
			if (RedisFailures.isTransient(ex)) {
				// The event stays pending and is tried again, never set aside.
				throw RedisFailures.translate("Handling event " + event.dedupKey(), ex);
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
		if (outcome == Handling.HELD) {
			hold(event, encoded);
			return;
		}
		this.meters.counter("bot.intake.events", "outcome", outcome == Handling.DUPLICATE ? "duplicate" : "processed")
			.increment();
	}

	/**
	 * Keeps the event of a disconnected account in its held stream, as stored, to be
	 * moved back when the account is connected again; the original is acknowledged with
	 * the batch.
	 */
	private void hold(InboundEvent event, String encoded) {
		this.held.append(StreamKeys.held(event.accountId()), Map.of("event", encoded));
		this.meters.counter("bot.intake.events", "outcome", "held").increment();
	}

	private void setAside(String stream, StreamEntry entry, InboundEvent event, String reason) {
		Map<String, String> fields = new java.util.HashMap<>(entry.getFields() == null ? Map.of() : entry.getFields());
		fields.put("error", reason);
		fields.put("stream", stream);
		RedisFailures.translating("Setting an event aside in " + StreamKeys.FAILED,
				() -> this.deadLetters.add(this.redis, StreamKeys.FAILED, fields));
		this.meters.counter("bot.intake.events", "outcome", "failed").increment();
	}

	/**
	 * One round trip for the whole batch: the entries leave the group's pending list and,
	 * since the conversation log keeps what matters, the stream too.
	 */
	private void acknowledge(String stream, List<StreamEntryID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		StreamEntryID[] array = ids.toArray(StreamEntryID[]::new);
		RedisFailures.translating("Acknowledging " + ids.size() + " entries of " + stream, () -> {
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				Response<Long> acked = pipeline.xack(stream, StreamKeys.GROUP, array);
				Response<Long> deleted = pipeline.xdel(stream, array);
				pipeline.sync();
				acked.get();
				deleted.get();
			}
		});
	}

}
