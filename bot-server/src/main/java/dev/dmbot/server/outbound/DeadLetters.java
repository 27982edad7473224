package dev.dmbot.server.outbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.core.type.TypeReference;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.DeadLetterGauge;
import dev.dmbot.server.system.DeadLetterProperties;

/**
 * Replies Meta did not take after the last try, kept in the Redis stream
 * {@code bot:dead-letters} for {@code bot.dead-letters.retention}.
 */
@Component
public class DeadLetters {

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final Clock clock;

	private final DeadLetterProperties retention;

	DeadLetters(UnifiedJedis redis, JsonMapper json, Clock clock, DeadLetterProperties retention,
			MeterRegistry meters) {
		DeadLetterGauge.register(meters, redis, "replies", OutboundKeys.DEAD_LETTERS);
		this.redis = redis;
		this.json = json;
		this.clock = clock;
		this.retention = retention;
	}

	void add(OutboundMessage message, Map<String, Object> body, String error) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("account", message.accountId());
		fields.put("recipient", message.recipientId());
		fields.put("reference", String.valueOf(message.reference()));
		fields.put("body", this.json.writeValueAsString(body));
		fields.put("error", error);
		fields.put("at", this.clock.instant().toString());
		this.retention.add(this.redis, OutboundKeys.DEAD_LETTERS, fields);
	}

	public long count() {
		return this.redis.xlen(OutboundKeys.DEAD_LETTERS);
	}

	/** The oldest dead letters first, at most {@code limit}. */
	List<DeadLetter> list(int limit) {
		List<DeadLetter> letters = new ArrayList<>();
		for (StreamEntry entry : this.redis.xrange(OutboundKeys.DEAD_LETTERS, (StreamEntryID) null,
				(StreamEntryID) null, limit)) {
			letters.add(letter(entry));
		}
		return letters;
	}

	/** The dead letter with this id, if it is still there. */
	Optional<DeadLetter> find(String id) {
		StreamEntryID entryId = entryId(id);
		if (entryId == null) {
			return Optional.empty();
		}
		return this.redis.xrange(OutboundKeys.DEAD_LETTERS, entryId, entryId, 1).stream().findFirst().map(this::letter);
	}

	/**
	 * Takes a dead letter out of the stream for whoever replays or discards it; false
	 * when another caller (or instance) took it first, so a letter is never replayed
	 * twice.
	 */
	boolean claim(String id) {
		StreamEntryID entryId = entryId(id);
		return entryId != null && this.redis.xdel(OutboundKeys.DEAD_LETTERS, entryId) == 1;
	}

	/** Puts a letter whose replay failed back, with the new error. */
	void putBack(DeadLetter letter, String error) {
		Map<String, String> fields = new LinkedHashMap<>(letter.fields());
		fields.put("error", error);
		fields.put("at", this.clock.instant().toString());
		fields.put("replays", Integer.toString(letter.replays() + 1));
		this.retention.add(this.redis, OutboundKeys.DEAD_LETTERS, fields);
	}

	private DeadLetter letter(StreamEntry entry) {
		Map<String, String> fields = entry.getFields();
		Map<String, Object> body = this.json.readValue(fields.getOrDefault("body", "{}"),
				new TypeReference<Map<String, Object>>() {
				});
		return new DeadLetter(entry.getID().toString(), fields, body);
	}

	private static StreamEntryID entryId(String id) {
		try {
			return new StreamEntryID(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
