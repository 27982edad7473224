package dev.dmbot.server.outbound;

import java.time.Clock;
import java.util.Map;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for Meta when no access token is configured: every Send API body is recorded
 * in the Redis stream {@code bot:sandbox:outbox} (newest 10,000 kept), where the
 * playground and the tests read it.
 */
final class SandboxMessageSender implements MessageSender {

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final Clock clock;

	SandboxMessageSender(UnifiedJedis redis, JsonMapper json, Clock clock) {
		this.redis = redis;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String send(String accountId, Map<String, Object> body) {
		StreamEntryID id = this.redis.xadd(OutboundKeys.SANDBOX_OUTBOX,
				XAddParams.xAddParams().maxLen(10_000).approximateTrimming(), Map.of("account", accountId, "body",
						this.json.writeValueAsString(body), "at", this.clock.instant().toString()));
		return "sandbox-" + id;
	}

	@Override
	public String replyToComment(String accountId, String commentId, String message) {
		return replyToComment(commentId, message);
	}

	/** Recorded without the account, as the outbox has always kept comment replies. */
	String replyToComment(String commentId, String message) {
		StreamEntryID id = this.redis.xadd(OutboundKeys.SANDBOX_OUTBOX,
				XAddParams.xAddParams().maxLen(10_000).approximateTrimming(),
				Map.of("comment", commentId, "body", this.json.writeValueAsString(Map.of("message", message)), "at",
						this.clock.instant().toString()));
		return "sandbox-" + id;
	}

}
