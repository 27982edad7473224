package dev.dmbot.server.escalation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.ClaimWorkers;
import dev.dmbot.server.system.WebhookPost;
import dev.dmbot.server.system.DeliveryBackoff;
import dev.dmbot.server.system.DeadLetterGauge;
import dev.dmbot.server.system.DeadLetterProperties;
import dev.dmbot.server.system.DueQueue;

/**
 * Tells people about escalations through {@code bot.escalation.notify-url}: once when one
 * opens, and once more when nobody replied within its SLA. Both are entries of the due
 * queue {@code bot:escalations:notify:pending} ({@code <id>:opened} due a moment after
 * opening, {@code <id>:sla} due at opening + SLA), so they survive restarts and each try
 * is made by one instance. A failed try is due again after a backoff with jitter; after
 * {@code notify-max-attempts}, or an answer a retry cannot change, it goes to the stream
 * {@code bot:escalations:notify:dead-letters}.
 */
@Component
class EscalationNotifier implements SmartLifecycle {

	static final String OPENED = "opened";

	static final String SLA = "sla";

	/**
	 * The first notification waits this long, so the message that escalated is in the
	 * conversation log and can be quoted.
	 */
	static final Duration FIRST_TRY_DELAY = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(EscalationNotifier.class);

	private static final int WORKERS = 2;

	/** Notifications waiting for a worker; a poll claims no more than fit. */
	private static final int QUEUE = 64;

	private static final int CLAIM_BATCH = 16;

	private final EscalationProperties properties;

	private final EscalationStore store;

	private final CustomerMessages messages;

	private final EscalationMetrics metrics;

	private final UnifiedJedis redis;

	private final DeadLetterProperties deadLetters;

	private final JsonMapper json;

	private final Clock clock;

	private final DueQueue pending;

	private final DeliveryBackoff backoff;

	private final NotifyWebhookClient client;

	private final Duration lease;

	private final ClaimWorkers workers = new ClaimWorkers("escalation-notify-", "escalation-notify-poller-", WORKERS,
			QUEUE);

	private volatile boolean running;

	private volatile boolean pollFailing;

	EscalationNotifier(EscalationProperties properties, EscalationStore store, CustomerMessages messages,
			EscalationMetrics metrics, UnifiedJedis redis, JsonMapper json, Clock clock,
			DeadLetterProperties deadLetters, MeterRegistry meters) {
		DeadLetterGauge.register(meters, redis, "escalation_notifications", EscalationKeys.NOTIFY_DEAD_LETTERS);
		this.deadLetters = deadLetters;
		this.properties = properties;
		this.store = store;
		this.messages = messages;
		this.metrics = metrics;
		this.redis = redis;
		this.json = json;
		this.clock = clock;
		this.pending = new DueQueue(redis, EscalationKeys.NOTIFY_PENDING);
		this.backoff = new DeliveryBackoff(properties.notifyInitialBackoff(), properties.notifyMaxBackoff());
		this.client = properties.notifies()
				? new NotifyWebhookClient(properties.notifyUrl(), properties.notifyTimeout(), clock) : null;
		// Longer than any one call may take, so a claim only lapses when its instance is
		// gone.
		this.lease = properties.notifyTimeout().multipliedBy(2).plusSeconds(10);
	}

	/** Queues the notifications of a new escalation (none when no URL is set). */
	void opened(Escalation escalation) {
		if (this.client == null) {
			return;
		}
		this.pending.schedule(escalation.id() + ":" + OPENED,
				escalation.openedAt().plus(FIRST_TRY_DELAY).toEpochMilli());
		this.pending.schedule(escalation.id() + ":" + SLA, escalation.openedAt().plus(escalation.sla()).toEpochMilli());
	}

	void poll() {
		try {
			int room = this.workers.room(CLAIM_BATCH);
			if (room == 0) {
				return;
			}
			long now = this.clock.millis();
			long claim = now + this.lease.toMillis();
			for (String entry : this.pending.claimDue(now, claim, room)) {
				// A claim the workers cannot take lapses and is picked up again.
				this.workers.execute(() -> attempt(entry, claim));
			}
			if (this.pollFailing) {
				this.pollFailing = false;
				log.info("Looking for due escalation notifications again");
			}
		}
		catch (RuntimeException ex) {
			// Once per outage, not once per poll.
			if (!this.pollFailing) {
				this.pollFailing = true;
				log.warn("Could not look for due escalation notifications, trying again every {} ms: {}",
						this.properties.pollInterval().toMillis(), ex.toString());
			}
		}
	}

	void attempt(String entry, long claim) {
		try {
			int colon = entry.lastIndexOf(':');
			String id = entry.substring(0, colon);
			String kind = entry.substring(colon + 1);
			Optional<StoredEscalation> found = this.store.find(id);
			if (found.isEmpty() || !found.get().escalation().isOpen()
					|| (SLA.equals(kind) && found.get().escalation().firstAgentReplyAt() != null)) {
				// Closed or answered meanwhile: nobody needs telling any more.
				this.pending.done(entry, claim);
				return;
			}
			StoredEscalation stored = found.get();
			Instant now = this.clock.instant();
			String link = this.properties.inboxLink(id);
			String text = SLA.equals(kind) ? NotificationText.slaMissed(stored, this.messages.last(stored), link, now)
					: NotificationText.opened(stored, this.messages.last(stored), link);
			byte[] body = this.json.writeValueAsString(Map.of("text", text)).getBytes(StandardCharsets.UTF_8);
			int attempts = this.store.countNotifyAttempt(stored.escalation(), kind);
			WebhookPost.Attempt attempt = this.client.post(body);
			switch (attempt.outcome()) {
				case DELIVERED -> {
					this.pending.done(entry, claim);
					this.store.markNotified(stored.escalation(), kind, this.clock.instant());
					this.metrics.notification(kind, "delivered");
					log.info("Escalation {} notified ({}, try {})", id, kind, attempts);
				}
				case RETRY -> {
					if (attempts < this.properties.notifyMaxAttempts()) {
						Duration wait = this.backoff.next(attempts, attempt.retryAfter());
						this.pending.retryAt(entry, claim, this.clock.instant().plus(wait).toEpochMilli());
						this.metrics.notification(kind, "retried");
						log.info("Escalation {} not notified (try {} of {}): {}; next try in {} ms", id, attempts,
								this.properties.notifyMaxAttempts(), attempt.error(), wait.toMillis());
					}
					else {
						deadLetter(entry, claim, stored, kind, attempts,
								attempt.error() + " (after " + attempts + " tries)");
					}
				}
				case REFUSED -> deadLetter(entry, claim, stored, kind, attempts, attempt.error());
			}
		}
		catch (RuntimeException ex) {
			// The claim lapses and the notification is tried again; the worker lives on.
			log.warn("Notification {} failed before it finished and will be tried again: {}", entry, ex.toString());
		}
	}

	long deadLetterCount() {
		return this.redis.xlen(EscalationKeys.NOTIFY_DEAD_LETTERS);
	}

	private void deadLetter(String entry, long claim, StoredEscalation stored, String kind, int attempts,
			String error) {
		Map<String, String> letter = new LinkedHashMap<>();
		letter.put("escalation", stored.id());
		letter.put("kind", kind);
		letter.put("account", stored.escalation().accountId());
		letter.put("team", stored.escalation().team());
		letter.put("attempts", Integer.toString(attempts));
		letter.put("error", error);
		letter.put("at", this.clock.instant().toString());
		this.deadLetters.add(this.redis, EscalationKeys.NOTIFY_DEAD_LETTERS, letter);
		this.pending.done(entry, claim);
		this.metrics.notification(kind, "dead");
		log.warn("Escalation {} could not be notified ({}) and moved to {}: {}", stored.id(), kind,
				EscalationKeys.NOTIFY_DEAD_LETTERS, error);
	}

	@Override
	public void start() {
		this.running = true;
		if (this.client == null) {
			log.info("bot.escalation.notify-url is not set: escalations are queued for the agent inbox, "
					+ "but nobody is notified");
			return;
		}
		log.info("New escalations are notified at {}, up to {} tries each",
				EscalationProperties.redacted(this.properties.notifyUrl()), this.properties.notifyMaxAttempts());
		this.workers.start(this.properties.pollInterval(), this::poll);
	}

	@Override
	public void stop() {
		this.running = false;
		// Claimed but unfinished notifications are tried again when their lease lapses.
		this.workers.stop(this.properties.notifyTimeout());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	List<String> due() {
		return this.redis.zrange(EscalationKeys.NOTIFY_PENDING, 0, -1);
	}

}
