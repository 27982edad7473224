package dev.dmbot.server.followups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.outbound.DeliveryOutcome;
import dev.dmbot.server.outbound.DeliveryResult;
import dev.dmbot.server.outbound.OutboundDispatcher;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.system.DueQueue;
import dev.dmbot.server.system.Ulid;
import dev.dmbot.server.platform.redis.RedisTransactions;

/**
 * Sends the follow-ups that Replies rows schedule, once each, at most one per
 * conversation (a newer one replaces the older). A follow-up lives in Redis:
 * <ul>
 * <li>{@code bot:{account:sender}:followup}: a hash with its {@code id}, {@code text}
 * (variables filled in) and {@code due} time; deleted when it is sent, dropped or
 * cancelled</li>
 * <li>{@code bot:followups:due}: a {@link DueQueue} of {@code <account>:<sender>:<id>}
 * scored by the due time, so exactly one instance claims each</li>
 * </ul>
 * Whoever deletes the hash (the instance that fires it, or a cancel) owns the follow-up,
 * in one script, so it is sent at most once even if a claim lapses and another instance
 * claims it again. When it falls due it is checked again: a person has the conversation,
 * the customer opted out, the 24-hour window closed, the daily cap: then it is not sent;
 * in quiet hours it waits for them to end.
 */
@Component
public class FollowUpScheduler implements SmartLifecycle {

	/** Meta's window for automated messages after the customer's last one. */
	static final Duration WINDOW = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(FollowUpScheduler.class);

	private static final int CLAIM_BATCH = 16;

	/**
	 * Longer than sending one follow-up may take, so a claim only lapses with its
	 * instance.
	 */
	private static final Duration LEASE = Duration.ofMinutes(2);

	/** Deletes the follow-up only if it is still this one: the caller owns it then. */
	private static final String TAKE = """
			if redis.call('hget', KEYS[1], 'id') == ARGV[1] then
			  redis.call('del', KEYS[1])
			  return 1
			end
			return 0
			""";

	private final UnifiedJedis redis;

	private final DueQueue due;

	private final ContextStore contexts;

	private final ConversationLog conversationLog;

	private final OutboundDispatcher outbound;

	private final AccountRules rules;

	private final FollowUpGate gate;

	private final MeterRegistry meters;

	private final Clock clock;

	private final FollowUpsProperties properties;

	private volatile ScheduledExecutorService poller;

	private volatile boolean pollFailing;

	FollowUpScheduler(UnifiedJedis redis, ContextStore contexts, ConversationLog conversationLog,
			OutboundDispatcher outbound, AccountRules rules, FollowUpGate gate, MeterRegistry meters, Clock clock,
			FollowUpsProperties properties) {
		this.redis = redis;
		this.due = new DueQueue(redis, FollowUpKeys.DUE);
		this.contexts = contexts;
		this.conversationLog = conversationLog;
		this.outbound = outbound;
		this.rules = rules;
		this.gate = gate;
		this.meters = meters;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Schedules a follow-up {@code delay} from now, replacing any the conversation has.
	 * One that would land 24 hours or more after the customer's last message is not kept.
	 * @param text the message, variables filled in
	 * @param lastInboundAt when the customer last wrote
	 */
	public void schedule(String accountId, String senderId, Duration delay, String text, Instant lastInboundAt) {
		Instant dueAt = this.clock.instant().plus(delay);
		if (lastInboundAt == null || !dueAt.isBefore(lastInboundAt.plus(WINDOW))) {
			count(FollowUpOutcome.WINDOW_CLOSED);
			log.info("Follow-up to {}:{} not scheduled: due at {}, after the 24-hour window", accountId, senderId,
					dueAt);
			return;
		}
		String key = FollowUpKeys.followUp(accountId, senderId);
		String earlier = this.redis.hget(key, "id");
		String id = Ulid.next(this.clock.instant());
		this.redis.hset(key, Map.of("id", id, "text", text, "due", dueAt.toString()));
		this.due.schedule(entry(accountId, senderId, id), dueAt.toEpochMilli());
		if (earlier != null) {
			this.redis.zrem(FollowUpKeys.DUE, entry(accountId, senderId, earlier));
			count(FollowUpOutcome.CANCELLED);
		}
		count(FollowUpOutcome.SCHEDULED);
	}

	/**
	 * Cancels the conversation's follow-up, if any: the customer wrote again or a person
	 * took the conversation over.
	 */
	public void cancel(String accountId, String senderId) {
		cancel(accountId, senderId, this.redis.hget(FollowUpKeys.followUp(accountId, senderId), "id"));
	}

	/**
	 * Adds the lookup of the conversation's waiting follow-up to the pipeline that reads
	 * a turn: its id, or {@code null} for none, once the pipeline is synced.
	 */
	public Supplier<String> readPending(ConversationReads reads, String accountId, String senderId) {
		return reads.field(FollowUpKeys.followUp(accountId, senderId), "id");
	}

	/**
	 * Like {@link #cancel(String, String)} for a follow-up id already read with the turn:
	 * nothing to do, and no round trip, when none was waiting.
	 */
	public void cancel(String accountId, String senderId, String id) {
		if (id == null) {
			return;
		}
		String key = FollowUpKeys.followUp(accountId, senderId);
		if (take(key, id)) {
			this.redis.zrem(FollowUpKeys.DUE, entry(accountId, senderId, id));
			count(FollowUpOutcome.CANCELLED);
		}
	}

	/** Fires the follow-ups that fell due; each instance polls. */
	void poll() {
		try {
			long now = this.clock.millis();
			long claim = now + LEASE.toMillis();
			for (String entry : this.due.claimDue(now, claim, CLAIM_BATCH)) {
				fire(entry, claim);
			}
			if (this.pollFailing) {
				this.pollFailing = false;
				log.info("Looking for due follow-ups again");
			}
		}
		catch (RuntimeException ex) {
			if (!this.pollFailing) {
				this.pollFailing = true;
				log.warn("Could not look for due follow-ups, trying again every {} ms: {}",
						this.properties.pollInterval().toMillis(), ex.toString());
			}
		}
	}

	private void fire(String entry, long claim) {
		try {
			int first = entry.indexOf(':');
			int last = entry.lastIndexOf(':');
			String accountId = entry.substring(0, first);
			String senderId = entry.substring(first + 1, last);
			String id = entry.substring(last + 1);
			String key = FollowUpKeys.followUp(accountId, senderId);
			Map<String, String> stored = this.redis.hgetAll(key);
			if (!id.equals(stored.get("id"))) {
				// Cancelled or replaced meanwhile, and counted then.
				this.due.done(entry, claim);
				return;
			}
			FollowUpOutcome outcome = decide(accountId, senderId, key, id, stored.get("text"), entry, claim);
			if (outcome != FollowUpOutcome.DELAYED) {
				this.due.done(entry, claim);
			}
			if (outcome != null) {
				count(outcome);
				log.info("Follow-up {} to {}:{}: {}", id, accountId, senderId, outcome.tag());
			}
		}
		catch (RuntimeException ex) {
			// The claim lapses and the follow-up is tried again; the poller lives on.
			log.warn("Follow-up {} failed before it finished and will be tried again: {}", entry, ex.toString());
		}
	}

	/** What to do with a due follow-up; {@code null} when someone else took it. */
	private FollowUpOutcome decide(String accountId, String senderId, String key, String id, String text, String entry,
			long claim) {
		Instant now = this.clock.instant();
		FollowUpOutcome held = this.gate.holds(accountId, senderId).orElse(null);
		if (held != null) {
			return take(key, id) ? held : null;
		}
		ConversationContext context = this.contexts.load(accountId, senderId);
		Instant lastInboundAt = context.lastInboundAt();
		Instant windowEnds = lastInboundAt == null ? now : lastInboundAt.plus(WINDOW);
		Instant allowed = GuardrailPolicy.of(this.rules.rulesFor(accountId)).nextAllowed(now);
		if (allowed.isAfter(now) && allowed.isBefore(windowEnds)) {
			this.redis.hset(key, "due", allowed.toString());
			this.due.retryAt(entry, claim, allowed.toEpochMilli());
			return FollowUpOutcome.DELAYED;
		}
		if (!take(key, id)) {
			return null;
		}
		if (allowed.isAfter(now) || !now.isBefore(windowEnds)) {
			return FollowUpOutcome.WINDOW_CLOSED;
		}
		String admitted = this.gate.admit(accountId, senderId, text).orElse(null);
		if (admitted == null) {
			return FollowUpOutcome.CAPPED;
		}
		DeliveryResult result = this.outbound.deliver(
				new OutboundMessage(accountId, senderId, admitted, List.of(), lastInboundAt, now, "followup:" + id));
		LogEntry sent = new LogEntry("out", "follow_up", admitted, List.of(), null, 0, List.of(), context.state(),
				false, result.outcome().tag(), this.clock.instant(), String.join(",", result.messageIds()),
				Map.of("follow_up", id));
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, accountId, senderId)) {
			this.conversationLog.append(transaction, accountId, senderId, sent);
			transaction.exec();
		}
		return switch (result.outcome()) {
			case SENT -> FollowUpOutcome.SENT;
			case WINDOW_CLOSED -> FollowUpOutcome.WINDOW_CLOSED;
			default -> {
				log.warn("Follow-up {} to {}:{} was not delivered: {}", id, accountId, senderId, result.error());
				yield null;
			}
		};
	}

	private boolean take(String key, String id) {
		return Long.valueOf(1).equals(this.redis.eval(TAKE, List.of(key), List.of(id)));
	}

	static String entry(String accountId, String senderId, String id) {
		return accountId + ":" + senderId + ":" + id;
	}

	/** Counts in {@code bot.followups{outcome}}. */
	private void count(FollowUpOutcome outcome) {
		this.meters.counter("bot.followups", "outcome", outcome.tag()).increment();
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "followups-poller");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
		this.poller = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.poller;
		this.poller = null;
		if (executor != null) {
			// A follow-up being sent finishes; a claimed one not yet sent lapses and is
			// fired by another instance.
			executor.shutdown();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

}
