package dev.dmbot.server.attribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.platform.redis.TurnWrites;
import dev.dmbot.server.context.ContextProperties;
import dev.dmbot.server.workbook.Exposure;

/**
 * Each person's {@link Touches}, in a Redis hash beside their context (same hash tag, so
 * both are written in one transaction even on Redis Cluster) and kept as long.
 */
@Component
public class ContactTouches {

	private static final String VARIANT_PREFIX = "variant.";

	private static final String AWAITING = "awaiting";

	private final UnifiedJedis redis;

	private final ContextProperties retention;

	ContactTouches(UnifiedJedis redis, ContextProperties retention) {
		this.redis = redis;
		this.retention = retention;
	}

	public Touches load(String accountId, String senderId) {
		return parse(this.redis.hgetAll(AttributionKeys.touch(accountId, senderId)));
	}

	/** Adds the read of a person's touches to the pipeline that reads a turn. */
	Supplier<Touches> read(ConversationReads reads, String accountId, String senderId) {
		Supplier<Map<String, String>> hash = reads.hashOf(AttributionKeys.touch(accountId, senderId));
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
		String lastAt = hash.get("last.at");
		return new Touches(variants, hash.get("last.rule"), hash.get("last.flow"),
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
			fields.put("last.rule", rule);
		}
		if (flow != null) {
			fields.put("last.flow", flow);
		}
		fields.put("last.at", at.toString());
		if (exposure != null) {
			fields.put(VARIANT_PREFIX + exposure.experiment(), exposure.variant());
		}
		// last.at is in every write: a hash this finds without it is new.
		writes.hset(AttributionKeys.touch(accountId, senderId), fields, this.retention.retention());
	}

	/**
	 * Sets the expiry of a person's touches when the turn sets the person's, also on a
	 * turn that does not write them.
	 */
	void keep(TurnWrites writes, String accountId, String senderId) {
		writes.expire(AttributionKeys.touch(accountId, senderId), this.retention.retention());
	}

	/**
	 * The tested wording reached the person: their next message counts as a reply to it.
	 */
	void sent(String accountId, String senderId, Exposure exposure) {
		this.redis.hset(AttributionKeys.touch(accountId, senderId), AWAITING,
				exposure.experiment() + "|" + exposure.variant());
	}

	/**
	 * The tested wording this person's message answers, if any; claimed once, so a
	 * message handled again after a crash, or by two instances, counts once.
	 */
	Exposure claimReply(String accountId, String senderId) {
		String awaiting = this.redis.hget(AttributionKeys.touch(accountId, senderId), AWAITING);
		return claim(accountId, senderId, exposure(awaiting));
	}

	/**
	 * Like {@link #claimReply(String, String)} for touches already read with the turn: no
	 * round trip when no tested wording awaits an answer.
	 */
	Exposure claim(String accountId, String senderId, Exposure awaiting) {
		if (awaiting == null || this.redis.hdel(AttributionKeys.touch(accountId, senderId), AWAITING) == 0) {
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
