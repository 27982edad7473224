package dev.dmbot.server.leads;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.ClaimWorkers;
import dev.dmbot.server.system.WebhookPost;
import dev.dmbot.server.system.DeliveryBackoff;

/**
 * Takes leads to the CRM off the caller's thread. A lead is tried at once after it is
 * recorded; a failed try is put back in {@link PendingDeliveries} with its next due time,
 * and every instance polls for due ones, so retries outlive a restart and each try
 * happens on one instance only. After the last try, or an answer that a retry cannot
 * change, the lead is dead-lettered.
 */
@Component
class LeadDeliverer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LeadDeliverer.class);

	private static final int WORKERS = 4;

	private static final int QUEUE = 256;

	private static final int CLAIM_BATCH = 32;

	private final LeadStore store;

	private final PendingDeliveries pending;

	private final LeadsProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final CrmWebhookClient client;

	private final DeliveryBackoff backoff;

	private final Duration lease;

	private final Counter delivered;

	private final Counter retried;

	private final Counter deadLettered;

	private final Timer latency;

	private final ClaimWorkers workers = new ClaimWorkers("leads-delivery-", "leads-poller-", WORKERS, QUEUE);

	private volatile boolean running;

	LeadDeliverer(LeadStore store, PendingDeliveries pending, LeadsProperties properties, JsonMapper json,
			MeterRegistry meters, Clock clock) {
		this.store = store;
		this.pending = pending;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.client = properties.delivers() ? new CrmWebhookClient(properties, clock) : null;
		this.backoff = new DeliveryBackoff(properties.initialBackoff(), properties.maxBackoff());
		// Longer than any one call may take, so a claim only lapses when its instance is
		// gone.
		this.lease = properties.requestTimeout().multipliedBy(2).plusSeconds(10);
		this.delivered = Counter.builder("bot.leads.delivered")
			.description("Leads the CRM webhook accepted")
			.register(meters);
		this.retried = Counter.builder("bot.leads.retried")
			.description("Failed deliveries to the CRM that will be tried again")
			.register(meters);
		this.deadLettered = Counter.builder("bot.leads.dead.lettered")
			.description("Leads the CRM refused for good or that ran out of tries")
			.register(meters);
		this.latency = Timer.builder("bot.leads.delivery.latency")
			.description("From a lead being queued to the CRM accepting it, retries included")
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(meters);
	}

	boolean delivers() {
		return this.client != null;
	}

	/**
	 * Makes the lead's delivery due now (cutting short any wait or claim) and tries it.
	 */
	void queue(String id) {
		this.pending.schedule(id, this.clock.millis());
		tryNow(id);
	}

	/**
	 * Tries a due delivery on a worker thread, if no instance has claimed it yet; the
	 * pollers catch it when the workers are busy.
	 */
	void tryNow(String id) {
		boolean taken = this.workers.execute(() -> {
			long now = this.clock.millis();
			long claim = now + this.lease.toMillis();
			if (this.pending.claim(id, now, claim)) {
				attempt(id, claim);
			}
		});
		if (!taken) {
			log.debug("Delivery workers busy or stopped; lead {} waits for the next poll", id);
		}
	}

	void poll() {
		try {
			int room = this.workers.room(CLAIM_BATCH);
			if (room == 0) {
				return;
			}
			long now = this.clock.millis();
			long claim = now + this.lease.toMillis();
			List<String> ids = this.pending.claimDue(now, claim, room);
			for (String id : ids) {
				// A claim the workers cannot take lapses and is picked up again.
				this.workers.execute(() -> attempt(id, claim));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for due lead deliveries: {}", ex.toString());
		}
	}

	void attempt(String id, long claim) {
		try {
			Optional<Lead> found = this.store.find(id);
			if (found.isEmpty()) {
				this.pending.done(id, claim);
				return;
			}
			Lead lead = found.get();
			byte[] body = this.json.writeValueAsString(LeadPayload.of(lead)).getBytes(StandardCharsets.UTF_8);
			int attempts = this.store.countAttempt(id);
			WebhookPost.Attempt attempt = this.client.post(id, body);
			Instant now = this.clock.instant();
			switch (attempt.outcome()) {
				case DELIVERED -> {
					this.store.markDelivered(id, now);
					this.pending.done(id, claim);
					this.delivered.increment();
					Instant queuedAt = this.store.queuedAt(id);
					if (queuedAt != null && !queuedAt.isAfter(now)) {
						this.latency.record(Duration.between(queuedAt, now));
					}
					log.debug("Lead {} delivered to the CRM (try {})", id, attempts);
				}
				case RETRY -> {
					if (attempts < this.properties.maxAttempts()) {
						Duration wait = this.backoff.next(attempts, attempt.retryAfter());
						this.store.recordError(id, attempt.error());
						this.pending.retryAt(id, claim, now.plus(wait).toEpochMilli());
						this.retried.increment();
						log.info("Lead {} not delivered (try {} of {}): {}; next try in {} ms", id, attempts,
								this.properties.maxAttempts(), attempt.error(), wait.toMillis());
					}
					else {
						deadLetter(lead, attempts, attempt.error() + " (after " + attempts + " tries)", claim, now);
					}
				}
				case REFUSED -> deadLetter(lead, attempts, attempt.error(), claim, now);
			}
		}
		catch (RuntimeException ex) {
			// The claim lapses and the delivery is tried again; the worker lives on.
			log.warn("Delivery of lead {} failed before it finished and will be tried again: {}", id, ex.toString());
		}
	}

	private void deadLetter(Lead lead, int attempts, String error, long claim, Instant now) {
		Lead tried = new Lead(lead.id(), lead.accountId(), lead.senderId(), lead.conversationId(), lead.slots(),
				lead.score(), lead.tags(), lead.source(), LeadStatus.DEAD_LETTERED, lead.createdAt(), now, attempts,
				error);
		this.store.markDeadLettered(tried, error, now);
		this.pending.done(lead.id(), claim);
		this.deadLettered.increment();
		log.warn("Lead {} moved to {}: {}", lead.id(), LeadKeys.DEAD_LETTERS, error);
	}

	@Override
	public void start() {
		if (!delivers()) {
			log.info("bot.leads.webhook-url is not set: qualified leads are stored in Redis and listed at "
					+ "/api/admin/leads, but not delivered to a CRM");
			this.running = true;
			return;
		}
		log.info("Qualified leads are delivered to the CRM at {}, signed in {}, up to {} tries each",
				LeadsProperties.redacted(this.properties.webhookUrl()), PayloadSigner.HEADER,
				this.properties.maxAttempts());
		this.workers.start(this.properties.pollInterval(), this::poll);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		// Claimed but unfinished deliveries are tried again when their lease lapses.
		this.workers.stop(this.properties.requestTimeout());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
