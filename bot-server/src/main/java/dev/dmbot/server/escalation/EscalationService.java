package dev.dmbot.server.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.outbound.AgentDelivery;
import dev.dmbot.server.outbound.AgentMessage;
import dev.dmbot.server.outbound.DeliveryOutcome;
import dev.dmbot.server.outbound.OutboundDispatcher;
import dev.dmbot.server.outbound.ReplyWindow;
import dev.dmbot.server.system.Ulid;
import dev.dmbot.server.platform.redis.RedisTransactions;
import dev.dmbot.server.platform.redis.RedisFailures;
import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;

/**
 * Hands conversations to people and back. The conversation calls {@link #open} when its
 * rules escalate, and {@link #pausing} before answering any event: while an escalation is
 * open the bot says nothing, and {@link #customerWrote} passes the customer's messages to
 * the agents. Agents claim, reply, note, resolve and hand back through the agent API; a
 * resolve or hand-back, or the idle timeout, gives the conversation back to the bot.
 *
 * <p>
 * Every method reads and writes Redis only, so any instance serves any conversation or
 * agent; each throws {@link redis.clients.jedis.exceptions.JedisException} when Redis is
 * unreachable, and the caller tries again later.
 */
@Service
public class EscalationService {

	private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

	static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

	/**
	 * Agent replies longer than this are refused: a reply is cut into 1,000-byte parts.
	 */
	static final int MAX_TEXT = 4_000;

	/** How many conversation log entries the agent sees: all the log keeps. */
	static final int CONVERSATION = 500;

	private final EscalationStore store;

	private final EscalationProperties properties;

	private final ContextStore contexts;

	private final ConversationLog conversationLog;

	private final OutboundDispatcher outbound;

	private final EscalationEvents events;

	private final EscalationNotifier notifier;

	private final ThreadControl threads;

	private final EscalationMetrics metrics;

	private final UnifiedJedis redis;

	private final Clock clock;

	EscalationService(EscalationStore store, EscalationProperties properties, ContextStore contexts,
			ConversationLog conversationLog, OutboundDispatcher outbound, EscalationEvents events,
			EscalationNotifier notifier, ThreadControl threads, EscalationMetrics metrics, UnifiedJedis redis,
			Clock clock) {
		this.store = store;
		this.properties = properties;
		this.contexts = contexts;
		this.conversationLog = conversationLog;
		this.outbound = outbound;
		this.events = events;
		this.notifier = notifier;
		this.threads = threads;
		this.metrics = metrics;
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Opens one for the conversation, or returns the one already open (idempotent: a
	 * retried event opens nothing new). The agents are notified and, when
	 * {@code bot.escalation.inbox-app-id} is set, the thread is passed to the inbox app;
	 * neither holds up this call.
	 * @throws IllegalArgumentException when the account, sender, reason or team is
	 * missing, or the priority is not urgent, high, normal or low
	 */
	public Escalation open(EscalationRequest request) {
		String accountId = required(request.accountId(), "accountId");
		String senderId = required(request.senderId(), "senderId");
		String reason = name(request.reason(), "reason");
		String team = name(request.team(), "team");
		String priority = priority(request.priority());
		Duration idleTimeout = positiveOr(request.idleTimeout(), this.properties.idleTimeout(), "idleTimeout");
		Duration sla = positiveOr(request.sla(), this.properties.sla(), "sla");
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<Escalation> current = pausing(accountId, senderId);
			if (current.isPresent()) {
				return current.get();
			}
			Instant now = now();
			Escalation escalation = new Escalation(Ulid.next(now), accountId, senderId, reason, team, priority,
					Escalation.OPEN, null, now, null, null, now, null, idleTimeout, sla, blankToNull(request.trigger()),
					request.slots(), request.tags());
			if (this.store.createUnlessOpen(escalation, blankToNull(request.customerMessage()), request.openedBy())
				.isEmpty()) {
				announce(escalation);
				log.info("Conversation {}:{} handed to team {} ({}, {}), escalation {}", accountId, senderId, team,
						reason, priority, escalation.id());
				return escalation;
			}
			// Opened at this very moment elsewhere (a redelivery of the same event): the
			// next round returns that one.
		}
		throw new IllegalStateException("The escalation of " + accountId + ":" + senderId
				+ " kept changing while it was opened; the event will be handled again");
	}

	/**
	 * The open escalation pausing this conversation's automation, if any. One whose idle
	 * timeout has passed ({@code clock.instant() > lastActivityAt + idleTimeout}) is
	 * closed here as {@code timed_out} and empty is returned.
	 */
	public Optional<Escalation> pausing(String accountId, String senderId) {
		return pausingStored(accountId, senderId).map(StoredEscalation::escalation);
	}

	/**
	 * Like {@link #pausing(String, String)}, but an escalation that {@code event} itself
	 * opened does not pause it: the event is being handled again after a crash, and its
	 * handover message must still go out.
	 * @param event the event's dedup key, as given in
	 * {@link EscalationRequest#openedBy()}
	 */
	public Optional<Escalation> pausing(String accountId, String senderId, String event) {
		return pausingStored(accountId, senderId).filter((stored) -> !event.equals(stored.openedBy()))
			.map(StoredEscalation::escalation);
	}

	/**
	 * Like {@link #pausing(String, String, String)}, with the lookup added to the
	 * pipeline that reads a turn. The supplier, called once the pipeline is synced,
	 * applies the idle timeout as {@code pausing} does (closing a timed-out escalation),
	 * so call it only where {@code pausing} would be called.
	 */
	public Supplier<Optional<Escalation>> pausing(ConversationReads reads, String accountId, String senderId,
			String event) {
		Supplier<Optional<StoredEscalation>> read = this.store.current(reads, accountId, senderId);
		return () -> pausingStored(accountId, senderId, read.get()).filter((stored) -> !event.equals(stored.openedBy()))
			.map(StoredEscalation::escalation);
	}

	private Optional<StoredEscalation> pausingStored(String accountId, String senderId) {
		return pausingStored(accountId, senderId, null);
	}

	/**
	 * @param known the first look, already read with the turn, or {@code null}
	 */
	private Optional<StoredEscalation> pausingStored(String accountId, String senderId,
			Optional<StoredEscalation> known) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<StoredEscalation> current = (attempt == 0 && known != null) ? known
					: this.store.current(accountId, senderId);
			if (current.isEmpty()) {
				return Optional.empty();
			}
			StoredEscalation stored = current.get();
			if (!idle(stored.escalation(), now())) {
				return Optional.of(repaired(stored));
			}
			if (timeOut(stored)) {
				return Optional.empty();
			}
			// Someone wrote just now: look again.
		}
		return this.store.current(accountId, senderId);
	}

	/**
	 * A customer message that arrived while paused (already in the conversation log):
	 * touches {@code lastActivityAt} and tells live inboxes.
	 */
	public void customerWrote(Escalation escalation, String text, Instant at) {
		Instant when = at != null ? at : now();
		if (this.store.customerWrote(escalation, text, when)) {
			this.events.message(escalation, "in", "message", text, when, null);
		}
	}

	/** The queue: what this agent may see, filtered and sorted as the list shows it. */
	List<StoredEscalation> list(Agent agent, EscalationFilter filter) {
		Instant now = now();
		Set<String> accounts = agent.accounts().isEmpty() ? this.store.accounts() : agent.accounts();
		List<StoredEscalation> found = new ArrayList<>();
		for (String accountId : accounts) {
			List<StoredEscalation> candidates = filter.openOnly() ? this.store.queue(accountId)
					: this.store.recent(accountId, now, filter.limit() * 4);
			for (StoredEscalation stored : candidates) {
				StoredEscalation current = closeIfIdle(stored, now);
				if (filter.matches(current.escalation())) {
					found.add(current);
				}
			}
		}
		Comparator<StoredEscalation> order = filter.openOnly()
				? Comparator.<StoredEscalation>comparingInt(stored -> rank(stored.escalation().priority()))
					.thenComparing(stored -> stored.escalation().openedAt())
				: Comparator.<StoredEscalation, Instant>comparing(stored -> stored.escalation().openedAt()).reversed();
		found.sort(order);
		return found.size() > filter.limit() ? found.subList(0, filter.limit()) : found;
	}

	/**
	 * Closes every escalation whose idle timeout has passed, so the queue and its gauge
	 * do not wait for the customer's next message to notice.
	 * @return how many this call closed
	 */
	int closeIdle() {
		Instant now = now();
		int closed = 0;
		for (String accountId : this.store.accounts()) {
			for (StoredEscalation stored : this.store.queue(accountId)) {
				if (stored.escalation().isOpen() && idle(stored.escalation(), now) && timeOut(stored)) {
					closed++;
				}
			}
		}
		return closed;
	}

	/** One escalation this agent may see. */
	StoredEscalation get(Agent agent, String id) {
		StoredEscalation stored = this.store.find(id)
			.filter(found -> agent.sees(found.escalation().accountId()))
			.orElseThrow(() -> new UnknownEscalationException(id));
		return closeIfIdle(stored, now());
	}

	/** The conversation as the agent reads it: newest {@value #CONVERSATION} entries. */
	List<LogEntry> conversation(Escalation escalation) {
		return this.conversationLog.recent(escalation.accountId(), escalation.senderId(), CONVERSATION);
	}

	ConversationContext context(Escalation escalation) {
		return this.contexts.load(escalation.accountId(), escalation.senderId());
	}

	List<Note> notes(Escalation escalation) {
		return this.store.notes(escalation);
	}

	/** Takes it for {@code assignee}, or for the calling agent when that is blank. */
	StoredEscalation claim(Agent agent, String id, String assignee) {
		StoredEscalation stored = openOne(agent, id);
		String who = assignee == null || assignee.isBlank() ? agent.name() : assignee.strip();
		if (who.length() > 64) {
			throw new IllegalArgumentException("assignee must be at most 64 characters, but has " + who.length());
		}
		Instant now = now();
		change(stored, Map.of("status", Escalation.CLAIMED, "assignee", who),
				Map.of("claimedAt", EscalationStore.millis(now)));
		StoredEscalation claimed = reread(stored);
		this.events.escalation(claimed, "claimed");
		log.info("Escalation {} claimed for {} by {}", id, who, agent.name());
		return claimed;
	}

	/**
	 * Sends the agent's text to the customer (tagged {@code HUMAN_AGENT} between 24 hours
	 * and 7 days after the customer's last message) and logs it in the conversation.
	 * @throws ReplyWindowClosedException when the customer's last message is more than 7
	 * days old
	 */
	AgentReply reply(Agent agent, String id, String text) {
		String body = text(text);
		StoredEscalation stored = openOne(agent, id);
		Escalation escalation = stored.escalation();
		Instant now = now();
		Instant lastInboundAt = this.contexts.load(escalation.accountId(), escalation.senderId()).lastInboundAt();
		if (ReplyWindow.forAgent(lastInboundAt, now) == ReplyWindow.CLOSED) {
			throw new ReplyWindowClosedException(windowClosed(lastInboundAt, now));
		}
		AgentDelivery delivery = this.outbound.deliverAsAgent(new AgentMessage(escalation.accountId(),
				escalation.senderId(), body, lastInboundAt, agent.name(), "escalation " + id));
		DeliveryOutcome outcome = delivery.result().outcome();
		Instant at = now();
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("agent", agent.name());
		facts.put("escalation", id);
		facts.put("window", delivery.window().tag());
		if (delivery.window() == ReplyWindow.HUMAN_AGENT) {
			facts.put("tag", "HUMAN_AGENT");
		}
		if (delivery.result().error() != null) {
			facts.put("error", delivery.result().error());
		}
		LogEntry entry = new LogEntry("out", "agent", body, List.of(), null, 0, List.of(), null, false, outcome.tag(),
				at, String.join(",", delivery.result().messageIds()), facts);
		if (outcome == DeliveryOutcome.WINDOW_CLOSED) {
			appendToLog(escalation, entry);
			throw new ReplyWindowClosedException("Instagram refused the reply because the conversation's messaging "
					+ "window is closed (" + delivery.result().error() + "). The customer has to write again "
					+ "before anyone can answer.");
		}
		if (outcome == DeliveryOutcome.DEAD_LETTERED) {
			appendToLog(escalation, entry);
			throw new AgentReplyFailedException("Instagram did not take the reply: " + delivery.result().error()
					+ ". It is kept in the dead-letter stream.");
		}
		AgentReply reply = new AgentReply(id, body, outcome.tag(), delivery.window().tag(),
				delivery.window() == ReplyWindow.HUMAN_AGENT ? "HUMAN_AGENT" : null, delivery.result().messageIds(), at,
				agent.name());
		try {
			RedisFailures.translating("Recording the reply to escalation " + id, () -> {
				appendToLog(escalation, entry);
				this.events.message(escalation, "out", "agent", body, at, agent.name());
				change(stored, Map.of("status", Escalation.CLAIMED, "lastActivityAt", EscalationStore.millis(at)),
						Map.of("assignee", agent.name(), "claimedAt", EscalationStore.millis(at), "firstAgentReplyAt",
								EscalationStore.millis(at)));
				StoredEscalation replied = reread(stored);
				if (escalation.firstAgentReplyAt() == null && at.equals(replied.escalation().firstAgentReplyAt())) {
					this.metrics.firstReply(Duration.between(escalation.openedAt(), at));
				}
				this.events.escalation(replied, "replied");
			});
		}
		catch (RedisUnavailableException | RedisRefusedException | EscalationClosedException ex) {
			// The customer has the reply: say so, even if the bookkeeping fell short.
			log.warn("Escalation {}: the reply of {} was sent, but could not be recorded in full: {}", id, agent.name(),
					ex.toString());
		}
		log.info("Escalation {}: {} replied ({} window)", id, agent.name(), delivery.window().tag());
		return reply;
	}

	/**
	 * An internal note: kept with the escalation and in the conversation log, never sent.
	 */
	Note note(Agent agent, String id, String text) {
		String body = text(text);
		StoredEscalation stored = openOne(agent, id);
		Instant now = now();
		Note note = new Note(agent.name(), body, now);
		this.store.addNote(stored.escalation(), note);
		appendToLog(stored.escalation(), new LogEntry("out", "note", body, List.of(), null, 0, List.of(), null, false,
				null, now, null, Map.of("agent", agent.name(), "escalation", id)));
		this.events.message(stored.escalation(), "out", "note", body, now, agent.name());
		return note;
	}

	/** Closes it as resolved: the bot answers the customer again. */
	StoredEscalation resolve(Agent agent, String id) {
		return close(agent, id, Escalation.RESOLVED);
	}

	/** Closes it as handed back: the bot answers the customer again. */
	StoredEscalation handBack(Agent agent, String id) {
		return close(agent, id, Escalation.HANDED_BACK);
	}

	/**
	 * Meta moved the thread's control (a {@code pass_thread_control} or
	 * {@code take_thread_control} webhook): when it now belongs to this bot's app
	 * ({@code bot.meta.app-id}) an open escalation is handed back, since whoever held the
	 * thread in Meta's Inbox is done with it. Other moves change nothing.
	 * @param newOwnerAppId the app that controls the thread now
	 * ({@code new_owner_app_id})
	 * @param metadata what the passing app said, or null
	 */
	public void threadControlChanged(String accountId, String senderId, String newOwnerAppId, String metadata) {
		if (!this.threads.isOurs(newOwnerAppId)) {
			log.debug("Thread of {}:{} passed to app {}; escalations unchanged", accountId, senderId, newOwnerAppId);
			return;
		}
		Optional<StoredEscalation> current = this.store.current(accountId, senderId);
		if (current.isEmpty()) {
			return;
		}
		StoredEscalation stored = current.get();
		Instant now = now();
		if (this.store.close(stored.escalation(), Escalation.HANDED_BACK, now, ThreadControl.INBOX, null)) {
			this.metrics.handedBack();
			this.events.escalation(reread(stored), "handed_back");
			log.info("Escalation {} handed back: Meta's Inbox gave the thread back to the bot{}", stored.id(),
					metadata == null || metadata.isBlank() ? "" : " (" + metadata + ")");
		}
	}

	private StoredEscalation close(Agent agent, String id, String status) {
		StoredEscalation stored = openOne(agent, id);
		Instant now = now();
		if (!this.store.close(stored.escalation(), status, now, agent.name(), null)) {
			throw new EscalationClosedException(reread(stored));
		}
		Duration open = Duration.between(stored.escalation().openedAt(), now);
		if (Escalation.RESOLVED.equals(status)) {
			this.metrics.resolved(open);
		}
		else {
			this.metrics.handedBack();
		}
		StoredEscalation closed = reread(stored);
		this.events.escalation(closed, status);
		this.threads.takeBack(closed);
		log.info("Escalation {} {} by {} after {}", id, status.replace('_', ' '), agent.name(), Durations.words(open));
		return closed;
	}

	/** Writes the queue entries and schedules the notifications of a new escalation. */
	private void announce(Escalation escalation) {
		this.store.index(escalation);
		this.notifier.opened(escalation);
		this.store.markIndexed(escalation);
		this.metrics.opened(escalation);
		StoredEscalation stored = new StoredEscalation(escalation, null, null, null, null, true, false);
		this.events.escalation(stored, "opened");
		this.threads.pass(escalation);
	}

	/**
	 * An escalation whose opening was cut short (the instance died between storing it and
	 * queueing it) is queued now.
	 */
	private StoredEscalation repaired(StoredEscalation stored) {
		if (!stored.indexed()) {
			log.info("Escalation {} was stored but not queued; queueing it now", stored.id());
			announce(stored.escalation());
		}
		return stored;
	}

	private StoredEscalation openOne(Agent agent, String id) {
		StoredEscalation stored = get(agent, id);
		if (!stored.escalation().isOpen()) {
			throw new EscalationClosedException(stored);
		}
		return stored;
	}

	private void change(StoredEscalation stored, Map<String, String> set, Map<String, String> setIfAbsent) {
		int done = this.store.update(stored.escalation(), set, setIfAbsent);
		if (done == 0) {
			throw new EscalationClosedException(reread(stored));
		}
		if (done < 0) {
			throw new UnknownEscalationException(stored.id());
		}
	}

	private StoredEscalation reread(StoredEscalation stored) {
		return this.store.find(stored.id()).orElse(stored);
	}

	private StoredEscalation closeIfIdle(StoredEscalation stored, Instant now) {
		if (stored.escalation().isOpen() && idle(stored.escalation(), now)) {
			timeOut(stored);
			return reread(stored);
		}
		return stored;
	}

	/**
	 * @return whether this call closed it (false: someone wrote meanwhile, or closed it)
	 */
	private boolean timeOut(StoredEscalation stored) {
		Escalation escalation = stored.escalation();
		Instant now = now();
		if (!this.store.close(escalation, Escalation.TIMED_OUT, now, "idle-timeout", escalation.lastActivityAt())) {
			return !this.store.current(escalation.accountId(), escalation.senderId())
				.map(current -> current.id().equals(escalation.id()))
				.orElse(false);
		}
		this.metrics.timedOut();
		StoredEscalation closed = reread(stored);
		this.events.escalation(closed, Escalation.TIMED_OUT);
		this.threads.takeBack(closed);
		log.info("Escalation {} timed out: nothing written for {}; the bot answers {}:{} again", escalation.id(),
				Durations.words(escalation.idleTimeout()), escalation.accountId(), escalation.senderId());
		return true;
	}

	private void appendToLog(Escalation escalation, LogEntry entry) {
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, escalation.accountId(),
				escalation.senderId())) {
			this.conversationLog.append(transaction, escalation.accountId(), escalation.senderId(), entry);
			transaction.exec();
		}
	}

	/**
	 * Now, to the millisecond: as precise as Redis keeps it, so instants compare equal.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static boolean idle(Escalation escalation, Instant now) {
		return now.isAfter(escalation.idleUntil());
	}

	static String windowClosed(Instant lastInboundAt, Instant now) {
		if (lastInboundAt == null) {
			return "This customer has never written to the account, so Instagram does not allow a reply.";
		}
		return "The customer's last message is " + Durations.words(Duration.between(lastInboundAt, now))
				+ " old. Instagram lets a person reply up to 7 days after the customer's last message (with the "
				+ "HUMAN_AGENT tag after 24 hours), so this reply cannot be sent; it will be possible again once "
				+ "the customer writes.";
	}

	private static int rank(String priority) {
		int rank = PRIORITIES.indexOf(priority);
		return rank < 0 ? PRIORITIES.size() : rank;
	}

	private static String text(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text must not be empty: send {\"text\": \"...\"}");
		}
		String body = text.strip();
		if (body.length() > MAX_TEXT) {
			throw new IllegalArgumentException(
					"text must be at most " + MAX_TEXT + " characters, but has " + body.length());
		}
		return body;
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("An escalation needs its " + field + ", but it was empty");
		}
		return value.strip();
	}

	private static String name(String value, String field) {
		String name = required(value, field).toLowerCase(Locale.ROOT);
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					field + " must be 1-64 lowercase letters, digits, '_', '.' or '-', " + "but was '" + value + "'");
		}
		return name;
	}

	static String priority(String value) {
		if (value == null || value.isBlank()) {
			return "normal";
		}
		String priority = value.strip().toLowerCase(Locale.ROOT);
		if (!PRIORITIES.contains(priority)) {
			throw new IllegalArgumentException(
					"priority must be one of " + String.join(", ", PRIORITIES) + ", but was '" + value + "'");
		}
		return priority;
	}

	private static Duration positiveOr(Duration value, Duration fallback, String field) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(field + " must be positive, but was " + value);
		}
		return value;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
