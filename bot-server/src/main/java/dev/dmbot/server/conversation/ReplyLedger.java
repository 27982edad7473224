package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.params.SetParams;
import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.context.ContextProperties;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.IntakeProperties;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.platform.redis.TurnWrites;

/**
 * Remembers the reply decided for each event until it is delivered. If a worker dies
 * between deciding and sending, the event comes back and the stored reply is sent as
 * decided, instead of deciding again or answering twice.
 * <p>
 * The decided reply is a field of the person's context hash, {@code _reply.decided},
 * naming its event: written with the turn's commit (in the context's {@code HSET}) and
 * read with the context, so it costs no command of its own. One field per conversation is
 * enough because one sender's events are handled one at a time and in order (they share a
 * partition of the intake, which one instance at a time works, one entry after the other,
 * and whoever takes a partition over first handles the entries left pending): an event
 * that comes back after a crash comes back before any later event of its sender is
 * decided. A field naming another event is someone else's and is ignored.
 * <p>
 * Once delivered, the entry is a key of its own per event
 * ({@link ConversationKeys#reply}), which is also the event's handled marker. Releases
 * before this one wrote the decided entry to that key too; it is still honoured, and
 * expires within {@link #KEEP}.
 */
@Component
class ReplyLedger {

	private static final Duration KEEP = Duration.ofDays(7);

	private static final String DECIDED = ContextKeys.featureFields("reply") + "decided";

	private final JsonMapper json;

	private final ContextProperties retention;

	/**
	 * Kept as long as an entry or the event's handled marker, whichever is longer: a
	 * delivered entry is the marker.
	 */
	private final Duration kept;

	ReplyLedger(JsonMapper json, IntakeProperties intake, ContextProperties retention) {
		this.json = json;
		this.retention = retention;
		this.kept = (intake.dedupTtl().compareTo(KEEP) > 0) ? intake.dedupTtl() : KEEP;
	}

	record Entry(OutboundMessage message, LogEntry trail, String status) {

		/** Sent, or refused for good: the event is handled. */
		@JsonIgnore
		boolean delivered() {
			return "delivered".equals(this.status);
		}

	}

	/**
	 * A decided reply as the context hash keeps it.
	 *
	 * @param event the {@link InboundEvent#dedupKey()} of the event it answers
	 */
	record Decided(String event, OutboundMessage message, LogEntry trail) {
	}

	private static String key(InboundEvent event) {
		return ConversationKeys.reply(event.conversationId(), event.dedupKey());
	}

	/**
	 * Adds the lookup of the event's entry to the pipeline that reads the turn; the entry
	 * (or {@code null}) is there once the pipeline is synced. The event's own key (the
	 * delivered entry, or a decided one an earlier release wrote) goes with the turn's
	 * other string keys; the decided reply is in the context hash the turn reads anyway.
	 */
	Supplier<Entry> read(ConversationReads reads, InboundEvent event) {
		Supplier<String> own = reads.get(key(event));
		Supplier<Map<String, String>> context = reads.hashOf(ContextKeys.context(event.accountId(), event.senderId()));
		return () -> {
			String value = own.get();
			if (value != null) {
				return this.json.readValue(value, Entry.class);
			}
			Map<String, String> fields = context.get();
			String decided = (fields != null) ? fields.get(DECIDED) : null;
			return (decided != null) ? decidedFor(event, decided) : null;
		};
	}

	private Entry decidedFor(InboundEvent event, String value) {
		Decided decided = this.json.readValue(value, Decided.class);
		return event.dedupKey().equals(decided.event()) ? new Entry(decided.message(), decided.trail(), "decided")
				: null;
	}

	/** Queues the decided reply with the turn's writes, in the context's {@code HSET}. */
	void decided(TurnWrites writes, InboundEvent event, OutboundMessage message, LogEntry trail) {
		writes.hset(ContextKeys.context(event.accountId(), event.senderId()),
				Map.of(DECIDED, this.json.writeValueAsString(new Decided(event.dedupKey(), message, trail))),
				this.retention.retention());
	}

	void delivered(PipeliningBase writes, InboundEvent event, OutboundMessage message, LogEntry trail) {
		put(writes, event, new Entry(message, trail, "delivered"));
	}

	private void put(PipeliningBase writes, InboundEvent event, Entry entry) {
		writes.set(key(event), this.json.writeValueAsString(entry), SetParams.setParams().ex(this.kept.toSeconds()));
	}

}
