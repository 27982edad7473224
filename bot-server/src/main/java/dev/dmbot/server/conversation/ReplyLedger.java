package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.IntakeProperties;
import dev.dmbot.server.outbound.OutboundMessage;

/**
 * Remembers the reply decided for each event until it is delivered. If a worker dies
 * between deciding and sending, the event comes back and the stored reply is sent as
 * decided, instead of deciding again or answering twice.
 */
@Component
class ReplyLedger {

	private static final Duration KEEP = Duration.ofDays(7);

	private final UnifiedJedis redis;

	private final JsonMapper json;

	/**
	 * Kept as long as an entry or the event's handled marker, whichever is longer: a
	 * delivered entry is the marker.
	 */
	private final Duration kept;

	ReplyLedger(UnifiedJedis redis, JsonMapper json, IntakeProperties intake) {
		this.redis = redis;
		this.json = json;
		this.kept = (intake.dedupTtl().compareTo(KEEP) > 0) ? intake.dedupTtl() : KEEP;
	}

	record Entry(OutboundMessage message, LogEntry trail, String status) {

		/** Sent, or refused for good: the event is handled. */
		@JsonIgnore
		boolean delivered() {
			return "delivered".equals(this.status);
		}

	}

	private static String key(InboundEvent event) {
		return ConversationKeys.reply(event.conversationId(), event.dedupKey());
	}

	Entry find(InboundEvent event) {
		return parse(this.redis.get(key(event)));
	}

	/**
	 * Adds the lookup of the event's entry to the pipeline that reads the turn; the entry
	 * (or {@code null}) is there once the pipeline is synced.
	 */
	Supplier<Entry> read(ConversationReads reads, InboundEvent event) {
		Supplier<String> value = reads.get(key(event));
		return () -> parse(value.get());
	}

	private Entry parse(String value) {
		return value == null ? null : this.json.readValue(value, Entry.class);
	}

	void decided(AbstractTransaction transaction, InboundEvent event, OutboundMessage message, LogEntry trail) {
		put(transaction, event, new Entry(message, trail, "decided"));
	}

	void delivered(PipeliningBase writes, InboundEvent event, OutboundMessage message, LogEntry trail) {
		put(writes, event, new Entry(message, trail, "delivered"));
	}

	private void put(PipeliningBase writes, InboundEvent event, Entry entry) {
		writes.set(key(event), this.json.writeValueAsString(entry), SetParams.setParams().ex(this.kept.toSeconds()));
	}

}
