package dev.dmbot.server.escalation;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.dmbot.server.system.Periodic;

/**
 * Every 30 seconds, on every instance: closes escalations whose idle timeout passed (the
 * conversation would close them at the customer's next message anyway; this keeps the
 * queue honest meanwhile) and registers the queue gauge of teams other instances opened
 * escalations for. Closing is a compare-and-set in Redis, so instances never close one
 * twice.
 */
@Component
class EscalationHousekeeping implements SmartLifecycle {

	static final Duration EVERY = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(EscalationHousekeeping.class);

	private final EscalationService escalations;

	private final EscalationMetrics metrics;

	private volatile Periodic scheduler;

	EscalationHousekeeping(EscalationService escalations, EscalationMetrics metrics) {
		this.escalations = escalations;
		this.metrics = metrics;
	}

	void run() {
		try {
			this.metrics.gaugeKnownTeams();
			this.escalations.closeIdle();
		}
		catch (RuntimeException ex) {
			log.debug("Escalation housekeeping skipped: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		this.scheduler = Periodic.every("escalation-housekeeping-", Duration.ofSeconds(1), EVERY, this::run);
	}

	@Override
	public void stop() {
		Periodic periodic = this.scheduler;
		this.scheduler = null;
		if (periodic != null) {
			periodic.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
