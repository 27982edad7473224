package dev.dmbot.server.escalation;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.PersonalData;
import dev.dmbot.server.system.RedisKeys;
import dev.dmbot.server.system.Ulid;

/**
 * A person's escalations outside their own keys: the id pointer, the account and team
 * queues, pending notifications and notification dead letters.
 */
@Component
class EscalationPersonalData implements PersonalData {

	private final UnifiedJedis redis;

	EscalationPersonalData(UnifiedJedis redis) {
		this.redis = redis;
	}

	@Override
	public long erase(String accountId, String senderId) {
		String prefix = EscalationKeys.pointer(accountId, senderId) + ":";
		long removed = 0;
		for (String key : RedisKeys.scan(this.redis, prefix + "*")) {
			String id = key.substring(prefix.length());
			if (!Ulid.looksValid(id)) {
				// The notes of an escalation, deleted with the person's keys.
				continue;
			}
			String team = this.redis.hget(key, "team");
			removed += this.redis.del(EscalationKeys.ID_PREFIX + id);
			this.redis.zrem(EscalationKeys.open(accountId), id);
			this.redis.zrem(EscalationKeys.all(accountId), id);
			if (team != null) {
				this.redis.zrem(EscalationKeys.teamOpen(team), id);
			}
			this.redis.zrem(EscalationKeys.NOTIFY_PENDING, id + ":" + EscalationNotifier.OPENED,
					id + ":" + EscalationNotifier.SLA);
			removed += RedisKeys.deleteStreamEntries(this.redis, EscalationKeys.NOTIFY_DEAD_LETTERS,
					(fields) -> id.equals(fields.get("escalation")));
		}
		return removed;
	}

}
