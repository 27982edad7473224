package dev.dmbot.server.system;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads behind a {@link DueQueue}: one poller that claims due work now and then,
 * and a few workers that do it. The workers' queue is bounded, so a poll claims no more
 * than they can take; work they cannot take is simply not claimed, or its claim lapses
 * and another poll, here or on another instance, picks it up. Stopping lets work in hand
 * finish for a while and leaves the rest to the leases.
 */
public final class ClaimWorkers {

	private final String workerPrefix;

	private final String pollerPrefix;

	private final int workers;

	private final int queue;

	private volatile ScheduledExecutorService poller;

	private volatile ThreadPoolExecutor executor;

	/**
	 * @param workerPrefix the workers' thread names, e.g. {@code leads-delivery-}
	 * @param pollerPrefix the poller's thread name, e.g. {@code leads-poller-}
	 */
	public ClaimWorkers(String workerPrefix, String pollerPrefix, int workers, int queue) {
		this.workerPrefix = workerPrefix;
		this.pollerPrefix = pollerPrefix;
		this.workers = workers;
		this.queue = queue;
	}

	/** Starts the workers, and the poller running {@code poll} every {@code every}. */
	public void start(Duration every, Runnable poll) {
		this.executor = new ThreadPoolExecutor(this.workers, this.workers, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.queue), threads(this.workerPrefix));
		ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor(threads(this.pollerPrefix));
		scheduled.scheduleWithFixedDelay(poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		this.poller = scheduled;
	}

	/** How much work the workers can take now, at most {@code max}; 0 when stopped. */
	public int room(int max) {
		ThreadPoolExecutor current = this.executor;
		return (current == null) ? 0 : Math.min(max, current.getQueue().remainingCapacity());
	}

	/** Hands {@code task} to a worker; false when they are stopped or busy. */
	public boolean execute(Runnable task) {
		ThreadPoolExecutor current = this.executor;
		if (current == null) {
			return false;
		}
		try {
			current.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Stops polling and waits up to {@code patience} for work in hand. */
	public void stop(Duration patience) {
		ScheduledExecutorService scheduled = this.poller;
		ThreadPoolExecutor current = this.executor;
		this.poller = null;
		this.executor = null;
		if (scheduled != null) {
			scheduled.shutdownNow();
		}
		if (current != null) {
			current.shutdown();
			try {
				if (!current.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
					current.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				current.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Daemon threads named {@code prefix} and a number. */
	public static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
