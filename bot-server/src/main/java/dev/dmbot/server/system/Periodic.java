package dev.dmbot.server.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task an instance runs on a daemon thread of its own, first after a delay and then
 * with a fixed delay between runs, until closed: the housekeeping loops of the features
 * that start and stop with the application.
 */
public final class Periodic implements AutoCloseable {

	private final ScheduledExecutorService executor;

	private Periodic(ScheduledExecutorService executor) {
		this.executor = executor;
	}

	/**
	 * Starts running {@code task} on a thread named {@code threadPrefix} and a number.
	 */
	public static Periodic every(String threadPrefix, Duration first, Duration between, Runnable task) {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(ClaimWorkers.threads(threadPrefix));
		executor.scheduleWithFixedDelay(task, first.toMillis(), between.toMillis(), TimeUnit.MILLISECONDS);
		return new Periodic(executor);
	}

	/** Stops the runs, interrupting one under way. */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
