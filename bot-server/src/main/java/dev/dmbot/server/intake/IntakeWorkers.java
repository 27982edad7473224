package dev.dmbot.server.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import dev.dmbot.server.system.DeadLetterGauge;
import dev.dmbot.server.system.DeadLetterProperties;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Keeps this instance's fair share of partitions leased and worked. Every instance runs
 * the same loop, so instances can be added or removed at any time: partitions of a
 * stopped instance are released, those of a crashed one expire and are picked up by the
 * others.
 */
@Component
class IntakeWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWorkers.class);

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
		this.coordinator = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "intake-coordinator");
			thread.setDaemon(true);
			return thread;
		});
		// Often enough that a stopping instance's partitions are taken within a second;
		// each round is a handful of small commands.
		long period = Math.min(1000, Math.max(200, this.properties.leaseTtl().toMillis() / 5));
		this.coordinator.scheduleWithFixedDelay(this::rebalance, 0, period, TimeUnit.MILLISECONDS);
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
		if (this.coordinator != null) {
			this.coordinator.shutdownNow();
		}
		List<PartitionWorker> stopping = new ArrayList<>(this.workers.values());
		stopping.forEach(PartitionWorker::stop);
		log.info("Intake stopping: taking no new events, finishing those in hand on {} partitions", stopping.size());
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		for (PartitionWorker worker : stopping) {
			while (!worker.finished() && System.nanoTime() < deadline) {
				sleep(20);
			}
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
		}
		catch (JedisException ex) {
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

	private void rebalance() {
		if (!this.running) {
			return;
		}
		try {
			long instances = this.leases.heartbeat(this.instanceId, this.clock.millis());
			int fairShare = (int) Math.ceil((double) this.properties.partitions() / instances);
			renewOwned();
			releaseSurplus(fairShare);
			acquireFree(fairShare);
		}
		catch (JedisException ex) {
			log.warn("Cannot reach Redis to renew partition leases: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Partition rebalancing failed", ex);
		}
	}

	private void renewOwned() {
		for (PartitionWorker worker : List.copyOf(this.workers.values())) {
			if (!this.leases.renew(worker.partition(), this.instanceId)) {
				log.warn("Lost the lease of partition {}; another instance works it now", worker.partition());
				worker.stop();
				this.workers.remove(worker.partition());
			}
		}
	}

	/**
	 * Hands partitions back when more instances joined: a worker is asked to stop first
	 * and its lease is released only once it has finished the entry in hand, so two
	 * instances never work one partition at the same time.
	 */
	private void releaseSurplus(int fairShare) {
		List<PartitionWorker> owned = new ArrayList<>(this.workers.values());
		long active = owned.stream().filter(PartitionWorker::active).count();
		for (PartitionWorker worker : owned) {
			if (active > fairShare && worker.active()) {
				worker.stop();
				active--;
			}
			if (!worker.active() && worker.finished()) {
				this.workers.remove(worker.partition());
				this.leases.release(worker.partition(), this.instanceId);
			}
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
		for (int partition : candidates) {
			if (this.workers.values().stream().filter(PartitionWorker::active).count() >= fairShare || !this.running) {
				return;
			}
			if (this.leases.acquire(partition, this.instanceId)) {
				PartitionWorker worker = new PartitionWorker(partition, this.instanceId, this.redis, this.codec,
						this.handler, this.properties, this.meters, this.deadLetters);
				this.workers.put(partition, worker);
				this.executor.execute(worker);
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

}
