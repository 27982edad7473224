package dev.dmbot.server.escalation;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live inboxes connected to this instance: server-sent-event streams, each showing
 * the accounts its agent may see. Events reach every instance through Redis
 * ({@link EscalationEvents}); this class only writes them to the local streams, on one
 * thread, with a heartbeat comment every 15 seconds so proxies keep idle streams open.
 */
@Component
class EscalationStream implements SmartLifecycle {

	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2;

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	/** A stream ends after this long; the inbox reconnects. */
	static final Duration LIFETIME = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(EscalationStream.class);

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private volatile ScheduledThreadPoolExecutor writer;

	/** Opens a stream for this agent; it starts with a {@code connected} comment. */
	SseEmitter open(Agent agent) {
		SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
		Subscriber subscriber = new Subscriber(agent, emitter);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> {
			this.subscribers.remove(subscriber);
			emitter.complete();
		});
		emitter.onError(error -> this.subscribers.remove(subscriber));
		this.subscribers.add(subscriber);
		try {
			emitter.send(SseEmitter.event().comment("connected"));
		}
		catch (IOException ex) {
			this.subscribers.remove(subscriber);
		}
		return emitter;
	}

	/** Writes an event to the streams of every agent who may see the account. */
	void deliver(String type, String accountId, String data) {
		write(() -> {
			for (Subscriber subscriber : this.subscribers) {
				if (subscriber.agent().sees(accountId)) {
					send(subscriber, SseEmitter.event().name(type).data(data));
				}
			}
		});
	}

	int connected() {
		return this.subscribers.size();
	}

	private void heartbeat() {
		for (Subscriber subscriber : this.subscribers) {
			send(subscriber, SseEmitter.event().comment("heartbeat"));
		}
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The inbox went away; its stream is done.
			this.subscribers.remove(subscriber);
			try {
				subscriber.emitter().complete();
			}
			catch (RuntimeException ignored) {
				// Already completed.
			}
		}
	}

	private void write(Runnable task) {
		ScheduledThreadPoolExecutor executor = this.writer;
		if (executor == null) {
			return;
		}
		try {
			executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			log.debug("Live inbox writer stopped; event dropped");
		}
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "escalation-stream");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		executor.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
		this.writer = executor;
	}

	@Override
	public void stop() {
		ScheduledThreadPoolExecutor executor = this.writer;
		this.writer = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		for (Subscriber subscriber : this.subscribers) {
			try {
				subscriber.emitter().complete();
			}
			catch (RuntimeException ignored) {
				// The server is stopping anyway.
			}
		}
		this.subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private record Subscriber(Agent agent, SseEmitter emitter) {
	}

}
