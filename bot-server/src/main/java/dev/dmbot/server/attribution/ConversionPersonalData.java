package dev.dmbot.server.attribution;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.PersonalData;

/**
 * A person's conversions, fields of the account's conversions hash. The totals and A/B
 * test figures they were credited to hold no personal data and stay.
 */
@Component
class ConversionPersonalData implements PersonalData {

	private final UnifiedJedis redis;

	private final JsonMapper json;

	ConversionPersonalData(UnifiedJedis redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	@Override
	public long erase(String accountId, String senderId) {
		List<String> ids = new ArrayList<>();
		this.redis.hgetAll(AttributionKeys.conversions(accountId)).forEach((id, stored) -> {
			if (senderId.equals(this.json.readTree(stored).path("senderId").asString(null))) {
				ids.add(id);
			}
		});
		if (ids.isEmpty()) {
			return 0;
		}
		String[] fields = ids.toArray(String[]::new);
		long removed = this.redis.hdel(AttributionKeys.conversions(accountId), fields);
		for (String id : fields) {
			this.redis.lrem(AttributionKeys.recentConversions(accountId), 0, id);
		}
		this.redis.zrem(AttributionKeys.conversionsByTime(accountId), fields);
		return removed;
	}

}
