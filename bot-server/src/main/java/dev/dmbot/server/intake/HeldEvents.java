package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Leases;
import dev.dmbot.server.platform.redis.StreamMoves;

/**
 * The events of a disconnected account, kept by the workers in its held stream
 * ({@link StreamKeys#held}, {@link Handling#HELD}) in the order they arrived, and moved
 * back into their partitions when it is connected again.
 */
@Component
public class HeldEvents {

	private static final Logger log = LoggerFactory.getLogger(HeldEvents.class);

	/** Longer than moving a large backlog takes; a lease of a dead instance lapses. */
	private static final Duration RELEASE_LIMIT = Duration.ofMinutes(5);

	private static final int BATCH = 100;

	private final StreamMoves streams;

	private final Leases leases;

	private final EventCodec codec;

	private final IntakeProperties properties;

	private final MeterRegistry meters;

	HeldEvents(StreamMoves streams, Leases leases, EventCodec codec, IntakeProperties properties,
			MeterRegistry meters) {
		this.streams = streams;
		this.leases = leases;
		this.codec = codec;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Moves the account's held events back into their partitions, oldest first, once
	 * across instances: the instance that takes the account's release lease moves them.
	 * They join the end of each partition, behind what arrived since the account was
	 * connected again.
	 * @return how many were moved here; 0 when none were held or another instance is
	 * moving them
	 */
	public long release(String accountId) {
		Optional<Leases.Lease> lease = this.leases.take(StreamKeys.heldRelease(accountId), RELEASE_LIMIT);
		if (lease.isEmpty()) {
			return 0;
		}
		long moved;
		try {
			moved = this.streams.moveAll(StreamKeys.held(accountId), this::partitionStream, BATCH);
		}
		finally {
			try {
				lease.get().release();
			}
			catch (RuntimeException ex) {
				// It lapses by itself.
				log.debug("{} not released: {}", lease.get(), ex.toString());
			}
		}
		if (moved > 0) {
			this.meters.counter("bot.intake.events", "outcome", "released").increment(moved);
		}
		return moved;
	}

	/** How many events are held for the account. */
	public long count(String accountId) {
		return this.streams.length(StreamKeys.held(accountId));
	}

	private String partitionStream(Map<String, String> fields) {
		int partition;
		try {
			partition = StreamKeys.partitionOf(this.codec.decode(fields.get("event")), this.properties.partitions());
		}
		catch (RuntimeException ex) {
			// Unreadable: the first partition's worker sets it aside as failed.
			partition = 0;
		}
		return StreamKeys.stream(partition);
	}

}
