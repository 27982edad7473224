package dev.dmbot.server.attribution;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.dmbot.server.context.ContextProperties;
import dev.dmbot.server.platform.redis.HashMoves;
import dev.dmbot.server.system.TransientException;

/**
 * At start-up, before any event is handled or any request answered, moves the touches
 * earlier releases kept in a hash of their own ({@link AttributionKeys#touch}) into the
 * person's context hash, where {@link ContactTouches} reads them now, and deletes the old
 * hash. It runs on every start: it costs one {@code SCAN} of the keyspace when there is
 * nothing left to move, and it also moves what an instance of the earlier release still
 * running during a rolling upgrade wrote after an earlier start moved the rest. Several
 * instances may run it at once ({@link HashMoves}). A server started while Redis is away
 * moves them once Redis answers.
 */
@Component
class TouchesMove implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TouchesMove.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final HashMoves moves;

	private final ContextProperties retention;

	TouchesMove(HashMoves moves, ContextProperties retention) {
		this.moves = moves;
		this.retention = retention;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			moved(run());
		}
		catch (TransientException ex) {
			// The server starts without Redis and waits for it; so does this move, which
			// then runs as soon as Redis answers, about when the intake resumes.
			log.warn("Cannot reach Redis to move the A/B touches of earlier releases; trying again every {} s: {}",
					RETRY.toSeconds(), ex.getMessage());
			ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "touches-move");
				thread.setDaemon(true);
				return thread;
			});
			retry.scheduleWithFixedDelay(() -> {
				try {
					moved(run());
					retry.shutdown();
				}
				catch (TransientException again) {
					// Next time.
				}
			}, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static void moved(long moved) {
		if (moved > 0) {
			log.info("Moved the A/B touches of {} people into their context hashes", moved);
		}
	}

	/** Moves what there is to move; how many people's touches this call moved. */
	long run() {
		return this.moves.move(AttributionKeys.TOUCHES, AttributionKeys::contextOfTouch, ContactTouches.FIELDS,
				this.retention.retention());
	}

}
