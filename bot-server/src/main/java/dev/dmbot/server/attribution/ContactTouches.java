package dev.dmbot.server.attribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.platform.redis.TurnWrites;
import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.context.ContextProperties;
import dev.dmbot.server.workbook.Exposure;

/**
 * Each person's {@link Touches}, kept as fields of their context hash
 * ({@code _touch.variant.<experiment>}, {@code _touch.last.rule},
 * {@code _touch.last.flow}, {@code _touch.last.at}, {@code _touch.awaiting}): the turn
 * reads them with the context and writes them with it, at no command of their own, and
 * they are kept and erased with it. Releases before kept them in a hash of their own,
 * {@link AttributionKeys#touch}, which {@link TouchesMove} moves here at start-up.
 */
@Component
public class ContactTouches {

	/** What the name of each field of the touches starts with. */
	static final String FIELDS = ContextKeys.featureFields("touch");

	private static final String VARIANT_PREFIX = FIELDS + "variant.";

	private static final String LAST_RULE = FIELDS + "last.rule";

	private static final String LAST_FLOW = FIELDS + "last.flow";

	private static final String LAST_AT = FIELDS + "last.at";

	private static final String AWAITING = FIELDS + "awaiting";

	private final UnifiedJedis redis;

	private final ContextProperties retention;

	ContactTouches(UnifiedJedis redis, ContextProperties retention) {
		this.redis = redis;
		this.retention = retention;
	}

	public Touches load(String accountId, String senderId) {
		return parse(this.redis.hgetAll(ContextKeys.context(accountId, senderId)));
	}

	/** Adds the read of a person's touches to the pipeline that reads a turn. */
	Supplier<Touches> read(ConversationReads reads, String accountId, String senderId) {
		// The context's own read: no command of its own.
		Supplier<Map<String, String>> hash = reads.hashOf(ContextKeys.context(accountId, senderId));
		return () -> parse(hash.get());
	}

	private static Touches parse(Map<String, String> hash) {
		if (hash == null || hash.isEmpty()) {
			return Touches.NONE;
		}
		Map<String, String> variants = new LinkedHashMap<>();
		hash.forEach((field, value) -> {
			if (field.startsWith(VARIANT_PREFIX)) {
				variants.put(field.substring(VARIANT_PREFIX.length()), value);
			}
		});
		String lastAt = hash.get(LAST_AT);
		return new Touches(variants, hash.get(LAST_RULE), hash.get(LAST_FLOW),
				(lastAt != null) ? Instant.parse(lastAt) : null, exposure(hash.get(AWAITING)));
	}

	/**
	 * Records, with the decision, the reply the bot is about to send.
	 * @param rule the row behind the reply
	 * @param flow the flow that spoke, {@code null} when none did
	 * @param exposure the tested wording in the reply, {@code null} when none
	 */
	void decided(TurnWrites writes, String accountId, String senderId, String rule, String flow, Exposure exposure,
			Instant at) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (rule != null) {
			fields.put(LAST_RULE, rule);
		}
		if (flow != null) {
			fields.put(LAST_FLOW, flow);
		}
		fields.put(LAST_AT, at.toString());
		if (exposure != null) {
			fields.put(VARIANT_PREFIX + exposure.experiment(), exposure.variant());
		}
		// With the context's fields, in its HSET.
		writes.hset(ContextKeys.context(accountId, senderId), fields, this.retention.retention());
	}

	/**
	 * The tested wording reached the person: their next message counts as a reply to it.
	 */
	void sent(String accountId, String senderId, Exposure exposure) {
		this.redis.hset(ContextKeys.context(accountId, senderId), AWAITING,
				exposure.experiment() + "|" + exposure.variant());
	}

	/**
	 * The tested wording this person's message answers, if any; claimed once, so a
	 * message handled again after a crash, or by two instances, counts once.
	 */
	Exposure claimReply(String accountId, String senderId) {
		String awaiting = this.redis.hget(ContextKeys.context(accountId, senderId), AWAITING);
		return claim(accountId, senderId, exposure(awaiting));
	}

	/**
	 * Like {@link #claimReply(String, String)} for touches already read with the turn: no
	 * round trip when no tested wording awaits an answer.
	 */
	Exposure claim(String accountId, String senderId, Exposure awaiting) {
		if (awaiting == null || this.redis.hdel(ContextKeys.context(accountId, senderId), AWAITING) == 0) {
			return null;
		}
		return awaiting;
	}

	private static Exposure exposure(String value) {
		if (value == null) {
			return null;
		}
		int bar = value.indexOf('|');
		return (bar < 0) ? null : new Exposure(value.substring(0, bar), value.substring(bar + 1));
	}

}
