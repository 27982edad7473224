package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
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

	ReplyLedger(UnifiedJedis redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	record Entry(OutboundMessage message, LogEntry trail, String status) {
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
	Supplier<Entry> read(AbstractPipeline pipeline, InboundEvent event) {
		Response<String> value = pipeline.get(key(event));
		return () -> parse(value.get());
	}

	private Entry parse(String value) {
		return value == null ? null : this.json.readValue(value, Entry.class);
	}

	void decided(AbstractTransaction transaction, InboundEvent event, OutboundMessage message, LogEntry trail) {
		put(transaction, event, new Entry(message, trail, "decided"));
	}

	void delivered(AbstractTransaction transaction, InboundEvent event, OutboundMessage message, LogEntry trail) {
		put(transaction, event, new Entry(message, trail, "delivered"));
	}

	private void put(AbstractTransaction transaction, InboundEvent event, Entry entry) {
		transaction.set(key(event), this.json.writeValueAsString(entry), SetParams.setParams().ex(KEEP.toSeconds()));
	}

}
