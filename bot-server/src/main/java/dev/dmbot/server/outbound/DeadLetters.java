package dev.dmbot.server.outbound;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
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

	public static final String STREAM = "bot:dead-letters";

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final Clock clock;

	private final DeadLetterProperties retention;

	DeadLetters(UnifiedJedis redis, JsonMapper json, Clock clock, DeadLetterProperties retention,
			MeterRegistry meters) {
		DeadLetterGauge.register(meters, redis, "replies", STREAM);
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
		this.retention.add(this.redis, STREAM, fields);
	}

	public long count() {
		return this.redis.xlen(STREAM);
	}

}
