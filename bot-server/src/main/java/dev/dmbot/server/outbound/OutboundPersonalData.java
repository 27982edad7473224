package dev.dmbot.server.outbound;

import java.util.Map;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.PersonalData;
import dev.dmbot.server.system.RedisKeys;

/**
 * Replies to a person that wait in the dead-letter stream, and those the sandbox recorded
 * instead of sending.
 */
@Component
class OutboundPersonalData implements PersonalData {

	private final UnifiedJedis redis;

	private final JsonMapper json;

	OutboundPersonalData(UnifiedJedis redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	@Override
	public long erase(String accountId, String senderId) {
		long removed = RedisKeys.deleteStreamEntries(this.redis, OutboundKeys.DEAD_LETTERS,
				(fields) -> accountId.equals(fields.get("account")) && senderId.equals(fields.get("recipient")));
		removed += RedisKeys.deleteStreamEntries(this.redis, OutboundKeys.SANDBOX_OUTBOX,
				(fields) -> accountId.equals(fields.get("account")) && senderId.equals(recipient(fields)));
		return removed;
	}

	private String recipient(Map<String, String> fields) {
		String body = fields.get("body");
		if (body == null) {
			return null;
		}
		try {
			JsonNode id = this.json.readTree(body).path("recipient").path("id");
			return id.isString() ? id.asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
