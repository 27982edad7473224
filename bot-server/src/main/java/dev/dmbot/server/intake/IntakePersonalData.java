package dev.dmbot.server.intake;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.PersonalData;
import dev.dmbot.server.system.RedisKeys;

/**
 * A person's events set aside as failed in {@code bot:events:failed} or held while the
 * account is disconnected ({@code bot:events:held:{<account>}}). Events still queued are
 * answered as usual: a person who writes again is a new conversation.
 */
@Component
class IntakePersonalData implements PersonalData {

	private final UnifiedJedis redis;

	private final EventCodec codec;

	IntakePersonalData(UnifiedJedis redis, EventCodec codec) {
		this.redis = redis;
		this.codec = codec;
	}

	@Override
	public long erase(String accountId, String senderId) {
		return erase(StreamKeys.FAILED, accountId, senderId) + erase(StreamKeys.held(accountId), accountId, senderId);
	}

	private long erase(String stream, String accountId, String senderId) {
		return RedisKeys.deleteStreamEntries(this.redis, stream, (fields) -> {
			try {
				InboundEvent event = this.codec.decode(fields.get("event"));
				return accountId.equals(event.accountId()) && senderId.equals(event.senderId());
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

}
