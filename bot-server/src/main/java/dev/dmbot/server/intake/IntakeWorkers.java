package dev.dmbot.server.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.ChannelSubscription;
import dev.dmbot.server.system.BotException;
import dev.dmbot.server.system.ClaimWorkers;
import dev.dmbot.server.system.DeadLetterGauge;
import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.TransientException;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps this instance's fair share of partitions leased and worked. Every instance runs
 * the same round, so instances can be added or removed at any time: partitions of a
 * stopped instance are released, those of a crashed one expire and are picked up by the
 * others.
 * <p>
 * A round (heartbeat, lease renewals, instance count) is one round trip, every third of
 * {@code bot.intake.lease-ttl}. Changes do not wait for it: an instance that frees
 * partitions or joins says so on a pub/sub channel and the others rebalance at once, and
 * an instance that has stopped beating is looked at again the moment its heartbeat runs
 * out.
 */
@Component
class IntakeWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWorkers.class);

	/** After a failed round, the next try comes this soon (or at the next round). */
	private static final Duration RETRY = Duration.ofSeconds(1);

	/** Instances that stopped beating are swept from the set every this many rounds. */
	private static final int SWEEP_EVERY = 12;

	private final String instanceId = "bot-" + UUID.randomUUID();

	private final UnifiedJedis redis;

	private final EventCodec codec;

	private final InboundEventHandler handler;

	private final IntakeProperties properties;

	private final PartitionLeases leases;

	private final MeterRegistry meters;

	private final Clock clock;

	private final DeadLetterProperties deadLetters;

	private final Map<Integer, PartitionWorker> workers = new ConcurrentHashMap<>();

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("intake-");

	private ScheduledExecutorService coordinator;

	private ChannelSubscription changes;

	private long rounds;

	private volatile boolean running;

	IntakeWorkers(UnifiedJedis redis, EventCodec codec, InboundEventHandler handler, IntakeProperties properties,
			PartitionLeases leases, MeterRegistry meters, Clock clock, DeadLetterProperties deadLetters) {
		this.redis = redis;
		this.codec = codec;
		this.handler = handler;
		this.properties = properties;
		this.leases = leases;
		this.meters = meters;
		this.clock = clock;
		this.deadLetters = deadLetters;
		// Workers spend their time waiting on Redis and Meta: virtual threads where the
		// JDK has them.
		this.executor.setVirtualThreads(Runtime.version().feature() >= 21);
		Gauge.builder("bot.intake.partitions.owned", this.workers, Map::size).register(meters);
		DeadLetterGauge.register(meters, redis, "failed_events", StreamKeys.FAILED);
	}

	@Override
	public void start() {
		this.running = true;
		this.coordinator = Executors.newSingleThreadScheduledExecutor(ClaimWorkers.threads("intake-coordinator-"));
		// A third of the lease: one round may fail and the leases still hold.
		long period = this.properties.leaseTtl().toMillis() / 3;
		this.coordinator.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
		// The subscription calls for a round as soon as it is listening; this first round
		// then tells the others that one more instance wants its share.
		this.changes = ChannelSubscription.open(this.redis, StreamKeys.PARTITIONS_CHANGED, "intake-changes",
				this::roundNow);
		this.coordinator.execute(() -> {
			round();
			announce();
		});
		log.info("Intake started as {} over {} partitions", this.instanceId, this.properties.partitions());
	}

	/**
	 * Graceful stop: no event is taken any more, the events in hand are answered (for up
	 * to {@code bot.intake.shutdown-grace}), and the partitions are handed back at once,
	 * so the other instances take the rest without waiting for the leases to expire.
	 * Events read but not yet started stay pending in the stream and go to the next
	 * owner. By the time this runs, Spring has already turned readiness to refusing
	 * traffic.
	 */
	@Override
	public void stop() {
		this.running = false;
		if (this.changes != null) {
			this.changes.close();
		}
		if (this.coordinator != null) {
			this.coordinator.shutdownNow();
			awaitQuietly(this.coordinator);
		}
		List<PartitionWorker> stopping = new ArrayList<>(this.workers.values());
		stopping.forEach(PartitionWorker::stop);
		log.info("Intake stopping: taking no new events, finishing those in hand on {} partitions", stopping.size());
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		for (PartitionWorker worker : stopping) {
			worker.awaitFinished(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		}
		try {
			for (PartitionWorker worker : stopping) {
				if (worker.finished()) {
					this.leases.release(worker.partition(), this.instanceId);
				}
				else {
					// Releasing it would let another instance answer the same event.
					log.warn("Partition {} still had an event in hand after {}; its lease expires in {}",
							worker.partition(), this.properties.shutdownGrace(), this.properties.leaseTtl());
				}
			}
			this.leases.leave(this.instanceId);
			announce();
		}
		catch (BotException ex) {
			log.warn("Could not release partition leases at shutdown; they expire in {}", this.properties.leaseTtl());
		}
		this.workers.clear();
		log.info("Intake stopped; its partitions are free for the other instances");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Start after the web server is up and stop before Redis goes away.
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	/** Asks for a round now, besides the periodic ones. */
	private void roundNow() {
		ScheduledExecutorService current = this.coordinator;
		if (this.running && current != null) {
			try {
				current.execute(this::round);
			}
			catch (RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	private void roundAt(long epochMillis) {
		ScheduledExecutorService current = this.coordinator;
		if (this.running && current != null) {
			try {
				current.schedule(this::round, Math.max(0, epochMillis - this.clock.millis()), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	private void round() {
		if (!this.running) {
			return;
		}
		try {
			long now = this.clock.millis();
			List<Integer> owned = List.copyOf(this.workers.keySet());
			PartitionLeases.Round round = this.leases.beat(this.instanceId, owned, now,
					this.rounds++ % SWEEP_EVERY == 0);
			dropLost(round);
			int fairShare = (int) Math.ceil((double) this.properties.partitions() / round.instances());
			releaseSurplus(fairShare);
			acquireFree(fairShare);
			long nextRound = now + this.properties.leaseTtl().toMillis() / 3;
			if (round.nextExpiryMillis() < nextRound) {
				// Another instance is late: if it is gone, its share is free then.
				roundAt(round.nextExpiryMillis() + 1);
			}
		}
		catch (TransientException ex) {
			log.warn("Cannot reach Redis to renew partition leases, trying again in {}: {}", RETRY, ex.getMessage());
			roundAt(this.clock.millis() + RETRY.toMillis());
		}
		catch (RuntimeException ex) {
			log.error("Partition rebalancing failed", ex);
			roundAt(this.clock.millis() + RETRY.toMillis());
		}
	}

	private void dropLost(PartitionLeases.Round round) {
		for (int partition : round.lost()) {
			PartitionWorker worker = this.workers.remove(partition);
			if (worker != null) {
				log.warn("Lost the lease of partition {}; another instance works it now", partition);
				worker.stop();
			}
		}
	}

	/**
	 * Hands partitions back when more instances joined: a worker is asked to stop first
	 * and its lease is released only once it has finished the entry in hand, so two
	 * instances never work one partition at the same time. A worker that finishes asks
	 * for a round, which releases its lease then.
	 */
	private void releaseSurplus(int fairShare) {
		List<PartitionWorker> owned = new ArrayList<>(this.workers.values());
		long active = owned.stream().filter(PartitionWorker::active).count();
		boolean released = false;
		for (PartitionWorker worker : owned) {
			if (active > fairShare && worker.active()) {
				worker.stop();
				active--;
			}
			if (!worker.active() && worker.finished()) {
				this.workers.remove(worker.partition());
				this.leases.release(worker.partition(), this.instanceId);
				released = true;
			}
		}
		if (released) {
			announce();
		}
	}

	private void acquireFree(int fairShare) {
		List<Integer> candidates = new ArrayList<>();
		for (int partition = 0; partition < this.properties.partitions(); partition++) {
			if (!this.workers.containsKey(partition)) {
				candidates.add(partition);
			}
		}
		Collections.shuffle(candidates);
		long soonestFree = Long.MAX_VALUE;
		for (int partition : candidates) {
			if (this.workers.values().stream().filter(PartitionWorker::active).count() >= fairShare || !this.running) {
				return;
			}
			if (this.leases.acquire(partition, this.instanceId)) {
				PartitionWorker worker = new PartitionWorker(partition, this.instanceId, this.redis, this.codec,
						this.handler, this.properties, this.meters, this.deadLetters, this::roundNow);
				this.workers.put(partition, worker);
				this.executor.execute(worker);
			}
			else {
				long remaining = this.leases.remaining(partition);
				if (remaining > 0) {
					soonestFree = Math.min(soonestFree, remaining);
				}
			}
		}
		if (soonestFree != Long.MAX_VALUE) {
			// Short of a fair share while another instance's lease runs: take it the
			// moment it expires, unless its owner hands it over earlier.
			roundAt(this.clock.millis() + soonestFree + 1);
		}
	}

	private void announce() {
		try {
			this.leases.announce(this.instanceId);
		}
		catch (BotException ex) {
			// The others find out at their next round.
			log.debug("Could not announce a partition change: {}", ex.getMessage());
		}
	}

	private static void awaitQuietly(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
