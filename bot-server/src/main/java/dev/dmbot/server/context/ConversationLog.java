package dev.dmbot.server.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.platform.redis.TurnWrites;

/**
 * Each conversation's recent history, newest 500 entries, in the Redis stream
 * {@code bot:{account:sender}:log}. Every reply is stored with its explain trail, so an
 * agent or the playground can see why the bot said what it said. The log expires
 * {@code bot.context.log-retention} after its last entry.
 */
@Component
public class ConversationLog {

	private static final int KEEP = 500;

	private final UnifiedJedis redis;

	private final JsonMapper json;

	private final ContextProperties properties;

	ConversationLog(UnifiedJedis redis, JsonMapper json, ContextProperties properties) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	public void append(AbstractTransaction transaction, String accountId, String senderId, LogEntry entry) {
		transaction.xadd(ContextKeys.log(accountId, senderId),
				XAddParams.xAddParams().maxLen(KEEP).approximateTrimming(),
				Map.of("entry", this.json.writeValueAsString(entry)));
		transaction.expire(ContextKeys.log(accountId, senderId), this.properties.logRetention().toSeconds());
	}

	/**
	 * Appends a turn's entry with the turn's other writes; the log's expiry is set when
	 * the turn sets the person's.
	 */
	public void append(TurnWrites writes, String accountId, String senderId, LogEntry entry) {
		writes.xadd(ContextKeys.log(accountId, senderId), KEEP, Map.of("entry", this.json.writeValueAsString(entry)),
				this.properties.logRetention());
	}

	/**
	 * Appends to a log that the same turn's commit wrote moments before, such as the
	 * delivery of its reply: that commit set the expiry, so it is not set again, and a
	 * log that is gone meanwhile (erased, or expired before a late replay) is not created
	 * again without one.
	 */
	public void appendToTurn(PipeliningBase writes, String accountId, String senderId, LogEntry entry) {
		writes.xadd(ContextKeys.log(accountId, senderId),
				XAddParams.xAddParams().noMkStream().maxLen(KEEP).approximateTrimming(),
				Map.of("entry", this.json.writeValueAsString(entry)));
	}

	/** The newest {@code count} entries, oldest first. */
	public List<LogEntry> recent(String accountId, String senderId, int count) {
		List<StreamEntry> entries = this.redis.xrevrange(ContextKeys.log(accountId, senderId), StreamEntryID.MAXIMUM_ID,
				StreamEntryID.MINIMUM_ID, count);
		List<LogEntry> result = new ArrayList<>();
		for (StreamEntry entry : entries) {
			result.add(this.json.readValue(entry.getFields().get("entry"), LogEntry.class));
		}
		Collections.reverse(result);
		return result;
	}

}
