package dev.dmbot.server.platform.redis;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Keeps entries aside in a stream of their own and moves them back into other streams
 * later, for features that must not hold a Redis client (the intake's events held while
 * an account is disconnected). Entries are never trimmed here: what is set aside to be
 * answered later must not be lost.
 */
@Component
public class StreamMoves {

	private final UnifiedJedis redis;

	public StreamMoves(UnifiedJedis redis) {
		this.redis = redis;
	}

	/** Adds an entry at the end of {@code stream}. */
	public void append(String stream, Map<String, String> fields) {
		RedisFailures.translating("append to " + stream,
				() -> this.redis.xadd(stream, StreamEntryID.NEW_ENTRY, fields).toString());
	}

	/** How many entries {@code stream} holds. */
	public long length(String stream) {
		return RedisFailures.translating("count " + stream, () -> this.redis.xlen(stream));
	}

	/**
	 * Moves every entry of {@code from}, oldest first, to the end of the stream that
	 * {@code destination} names for its fields, in batches of {@code batch}: each batch
	 * is added and removed from {@code from} in one pipeline. The caller makes sure that
	 * one caller moves a stream at a time (a lease).
	 * @return how many entries were moved
	 */
	public long moveAll(String from, Function<Map<String, String>, String> destination, int batch) {
		long moved = 0;
		while (true) {
			List<StreamEntry> entries = RedisFailures.translating("read " + from,
					() -> this.redis.xrange(from, (StreamEntryID) null, (StreamEntryID) null, batch));
			if (entries.isEmpty()) {
				return moved;
			}
			try (AbstractPipeline pipeline = this.redis.pipelined()) {
				for (StreamEntry entry : entries) {
					pipeline.xadd(destination.apply(entry.getFields()), StreamEntryID.NEW_ENTRY, entry.getFields());
				}
				pipeline.xdel(from, entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
				pipeline.sync();
			}
			catch (JedisException ex) {
				throw RedisFailures.translate("move the entries of " + from, ex);
			}
			moved += entries.size();
		}
	}

}
