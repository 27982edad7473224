package dev.dmbot.server.leads;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.PersonalData;
import dev.dmbot.server.system.RedisKeys;

/**
 * A person's leads: each lead hash, its entries in the indexes and the pending
 * deliveries, the (conversation, source) keys and the dead letters naming the
 * conversation. A lead already delivered to the CRM must be deleted there too.
 */
@Component
class LeadPersonalData implements PersonalData {

	private final UnifiedJedis redis;

	LeadPersonalData(UnifiedJedis redis) {
		this.redis = redis;
	}

	@Override
	public Set<String> accounts(String senderId) {
		Set<String> accounts = new HashSet<>();
		for (String sourceKey : RedisKeys.scan(this.redis, LeadKeys.SOURCE_PREFIX + "*:" + senderId + ":*")) {
			// bot:{leads}:source:<account>:<sender>:<source>
			String rest = sourceKey.substring(LeadKeys.SOURCE_PREFIX.length());
			int colon = rest.indexOf(':');
			if (colon > 0 && rest.startsWith(senderId + ":", colon + 1)) {
				accounts.add(rest.substring(0, colon));
			}
		}
		return accounts;
	}

	@Override
	public long erase(String accountId, String senderId) {
		String conversation = accountId + ":" + senderId;
		long removed = 0;
		for (String sourceKey : RedisKeys.scan(this.redis, LeadKeys.SOURCE_PREFIX + conversation + ":*")) {
			String id = this.redis.get(sourceKey);
			if (id != null) {
				removed += this.redis.del(LeadKeys.LEAD_PREFIX + id);
				this.redis.zrem(LeadKeys.BY_TIME, id);
				this.redis.zrem(LeadKeys.BY_ACCOUNT_PREFIX + accountId, id);
				this.redis.zrem(LeadKeys.PENDING, id);
				this.redis.srem(LeadKeys.DEAD_LETTERED, id);
			}
			removed += this.redis.del(sourceKey);
		}
		removed += RedisKeys.deleteStreamEntries(this.redis, LeadKeys.DEAD_LETTERS,
				(fields) -> conversation.equals(fields.get("conversation")));
		return removed;
	}

}
