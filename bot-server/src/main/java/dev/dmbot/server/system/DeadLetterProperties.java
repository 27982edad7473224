package dev.dmbot.server.system;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XTrimParams;

/**
 * How long the dead-letter streams keep what they hold: replies Meta refused
 * ({@code bot:dead-letters}), leads the CRM refused ({@code bot:leads:dead-letters}),
 * notifications that could not be posted ({@code bot:escalations:notify:dead-letters})
 * and events set aside as failed ({@code bot:events:failed}).
 *
 * @param retention entries older than this are dropped when a new one is added
 * @param maxEntries at most this many entries are kept per stream, the oldest dropped
 * first
 */
@ConfigurationProperties("bot.dead-letters")
public record DeadLetterProperties(@DefaultValue("30d") Duration retention, @DefaultValue("10000") int maxEntries) {

	public DeadLetterProperties {
		if (retention.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException("bot.dead-letters.retention must be at least 1h, but was " + retention);
		}
		if (maxEntries < 100) {
			throw new IllegalArgumentException(
					"bot.dead-letters.max-entries must be at least 100, but was " + maxEntries);
		}
	}

	/**
	 * Adds an entry to a dead-letter stream and drops what is too old or too many. Age is
	 * measured on Redis's clock (the new entry's id), so servers whose clocks disagree
	 * trim alike.
	 */
	public void add(UnifiedJedis redis, String stream, Map<String, String> fields) {
		StreamEntryID added = redis.xadd(stream, StreamEntryID.NEW_ENTRY, fields);
		long oldest = Math.max(0, added.getTime() - this.retention.toMillis());
		redis.xtrim(stream, XTrimParams.xTrimParams().minId(oldest + "-0"));
		redis.xtrim(stream, XTrimParams.xTrimParams().maxLen(this.maxEntries));
	}

}
