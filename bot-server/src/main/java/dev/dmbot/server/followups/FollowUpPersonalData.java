package dev.dmbot.server.followups;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.PersonalData;

/** A person's waiting follow-up: its entry in the shared queue of due follow-ups. */
@Component
class FollowUpPersonalData implements PersonalData {

	private final UnifiedJedis redis;

	FollowUpPersonalData(UnifiedJedis redis) {
		this.redis = redis;
	}

	@Override
	public long erase(String accountId, String senderId) {
		String id = this.redis.hget(FollowUpKeys.followUp(accountId, senderId), "id");
		return (id == null) ? 0 : this.redis.zrem(FollowUpKeys.DUE, FollowUpScheduler.entry(accountId, senderId, id));
	}

}
