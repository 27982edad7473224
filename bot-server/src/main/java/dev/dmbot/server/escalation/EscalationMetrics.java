package dev.dmbot.server.escalation;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The escalation meters. The queue gauge reads Redis when it is scraped, so every
 * instance reports the same number and none has to be told of another's changes.
 */
@Component
class EscalationMetrics {

	private static final Logger log = LoggerFactory.getLogger(EscalationMetrics.class);

	private final MeterRegistry meters;

	private final EscalationStore store;

	private final Set<String> gaugedTeams = ConcurrentHashMap.newKeySet();

	private final Timer firstReply;

	private final Timer resolve;

	private final Counter handedBack;

	private final Counter timedOut;

	EscalationMetrics(MeterRegistry meters, EscalationStore store) {
		this.meters = meters;
		this.store = store;
		this.firstReply = Timer.builder("bot.escalations.first.reply")
			.description("From an escalation opening to the first agent reply Meta accepted")
			.publishPercentiles(0.5, 0.9, 0.99)
			.register(meters);
		this.resolve = Timer.builder("bot.escalations.resolve")
			.description("From an escalation opening to an agent resolving it")
			.publishPercentiles(0.5, 0.9, 0.99)
			.register(meters);
		this.handedBack = Counter.builder("bot.escalations.handed.back")
			.description("Escalations handed back to the bot by an agent or by Meta's Inbox")
			.register(meters);
		this.timedOut = Counter.builder("bot.escalations.timed.out")
			.description("Escalations closed because nobody wrote for their idle timeout")
			.register(meters);
	}

	void opened(Escalation escalation) {
		Counter.builder("bot.escalations.opened")
			.description("Escalations opened (a redelivered event is not counted twice)")
			.tag("reason", escalation.reason())
			.tag("team", escalation.team())
			.register(this.meters)
			.increment();
		gauge(escalation.team());
	}

	void firstReply(Duration afterOpening) {
		this.firstReply.record(afterOpening.isNegative() ? Duration.ZERO : afterOpening);
	}

	void resolved(Duration afterOpening) {
		this.resolve.record(afterOpening.isNegative() ? Duration.ZERO : afterOpening);
	}

	void handedBack() {
		this.handedBack.increment();
	}

	void timedOut() {
		this.timedOut.increment();
	}

	/**
	 * @param outcome {@code delivered}, {@code retried}, {@code dead}
	 */
	void notification(String kind, String outcome) {
		this.meters.counter("bot.escalations.notifications", "kind", kind, "outcome", outcome).increment();
	}

	/**
	 * @param action {@code pass} or {@code take}
	 * @param outcome {@code done} or {@code failed}
	 */
	void threadControl(String action, String outcome) {
		this.meters.counter("bot.escalations.thread.control", "action", action, "outcome", outcome).increment();
	}

	/**
	 * Registers the queue gauge of every team Redis knows, including other instances'.
	 */
	void gaugeKnownTeams() {
		try {
			this.store.teams().forEach(this::gauge);
		}
		catch (RuntimeException ex) {
			log.debug("Could not read the escalation teams for the queue gauge: {}", ex.toString());
		}
	}

	private void gauge(String team) {
		if (this.gaugedTeams.add(team)) {
			Gauge.builder("bot.escalations.queue", () -> queued(team))
				.description("Open escalations (waiting or claimed) of the team, on all instances")
				.tag("team", team)
				.register(this.meters);
		}
	}

	private double queued(String team) {
		try {
			return this.store.queued(team);
		}
		catch (RuntimeException ex) {
			// Redis away: the scrape shows no value rather than failing.
			return Double.NaN;
		}
	}

}
