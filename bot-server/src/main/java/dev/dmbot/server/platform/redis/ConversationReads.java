package dev.dmbot.server.platform.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * The reads of one turn about one (account, sender), gathered from every feature and sent
 * to Redis in one round trip. Plain string keys are fetched together with one
 * {@code MGET} rather than a command each: they all carry the conversation's hash tag, so
 * Redis Cluster answers them from one slot. A hash asked for by two features is read
 * once. Each read answers once {@link #send()} has returned; asking before is a
 * programming error.
 */
public final class ConversationReads implements AutoCloseable {

	private final AbstractPipeline pipeline;

	private final List<String> stringKeys = new ArrayList<>();

	private final Map<String, Response<Map<String, String>>> hashes = new HashMap<>();

	private List<String> strings;

	private ConversationReads(AbstractPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/**
	 * Starts gathering reads; close it (try-with-resources) to give back the connection.
	 */
	public static ConversationReads on(UnifiedJedis redis) {
		return new ConversationReads(redis.pipelined());
	}

	/** The value of a string key, {@code null} when there is none. */
	public Supplier<String> get(String key) {
		int index = this.stringKeys.size();
		this.stringKeys.add(key);
		return () -> {
			if (this.strings == null) {
				throw new IllegalStateException("Read " + key + " before the reads were sent");
			}
			return this.strings.get(index);
		};
	}

	/** Whether a string key exists. */
	public Supplier<Boolean> exists(String key) {
		Supplier<String> value = get(key);
		return () -> value.get() != null;
	}

	/** All fields of a hash, empty when there is none. */
	public Supplier<Map<String, String>> hashOf(String key) {
		Response<Map<String, String>> hash = this.hashes.computeIfAbsent(key, this.pipeline::hgetAll);
		return hash::get;
	}

	/** One field of a hash, {@code null} when absent. */
	public Supplier<String> field(String key, String field) {
		Response<String> value = this.pipeline.hget(key, field);
		return value::get;
	}

	/** Sends every read gathered, in one round trip, and waits for the answers. */
	public void send() {
		Response<List<String>> values = this.stringKeys.isEmpty() ? null
				: this.pipeline.mget(this.stringKeys.toArray(String[]::new));
		this.pipeline.sync();
		this.strings = (values != null) ? values.get() : List.of();
	}

	@Override
	public void close() {
		this.pipeline.close();
	}

}
