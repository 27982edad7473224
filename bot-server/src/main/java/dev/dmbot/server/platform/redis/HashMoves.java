package dev.dmbot.server.platform.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.RedisKeys;

/**
 * Moves hashes that an earlier release kept under keys of their own into fields of
 * another hash under the same hash tag, for a start-up migration when a feature's layout
 * changes.
 * <p>
 * Each hash moves in one script, so it is atomic, and idempotent: a hash already moved is
 * gone, and the script finds nothing to do. Several instances starting at once therefore
 * move each hash exactly once between them, and a start that stops half-way leaves
 * nothing half-moved. The two keys share a hash tag, so on Redis Cluster the script runs
 * on the one node that holds both; the keys are found with {@code SCAN} on every node.
 */
@Component
public class HashMoves {

	/**
	 * KEYS[1] the old hash, KEYS[2] the hash it moves into; ARGV[1] what each field's
	 * name gets in front, ARGV[2] the expiry in seconds of a target without one. A field
	 * the target already has stays as it is: it was written by the release that reads it,
	 * after the old hash. A target without expiry (the move created it) takes the old
	 * hash's, or ARGV[2].
	 */
	static final String SCRIPT = """
			local fields = redis.call('HGETALL', KEYS[1])
			if #fields == 0 then
				return 0
			end
			for i = 1, #fields, 2 do
				redis.call('HSETNX', KEYS[2], ARGV[1] .. fields[i], fields[i + 1])
			end
			if redis.call('TTL', KEYS[2]) == -1 then
				local left = redis.call('TTL', KEYS[1])
				redis.call('EXPIRE', KEYS[2], (left > 0) and left or tonumber(ARGV[2]))
			end
			redis.call('DEL', KEYS[1])
			return 1
			""";

	private static final int BATCH = 500;

	private final UnifiedJedis redis;

	public HashMoves(UnifiedJedis redis) {
		this.redis = redis;
	}

	/**
	 * Moves every hash whose key matches {@code pattern}.
	 * @param pattern a glob of the old keys, such as {@code bot:{*}:touch}
	 * @param target the key of the hash each moves into, from the old key; it must carry
	 * the same hash tag. {@code null} leaves a key the pattern matches but is not one of
	 * the old hashes
	 * @param prefix what each field's name gets in front
	 * @param expiry the expiry of a target the move creates, when the old hash had none
	 * @return how many hashes this call moved (others may have been moved by another
	 * instance meanwhile)
	 */
	public long move(String pattern, UnaryOperator<String> target, String prefix, Duration expiry) {
		List<String> keys = RedisFailures
			.translating("find the keys " + pattern, () -> RedisKeys.scan(this.redis, pattern))
			.stream()
			.filter((key) -> target.apply(key) != null)
			.toList();
		long moved = 0;
		for (int from = 0; from < keys.size(); from += BATCH) {
			List<String> batch = keys.subList(from, Math.min(from + BATCH, keys.size()));
			moved += RedisFailures.translating("move the hashes " + pattern,
					() -> moveAll(batch, target, prefix, expiry));
		}
		return moved;
	}

	/** One round trip for a batch of hashes (per node, on a cluster). */
	private long moveAll(List<String> keys, UnaryOperator<String> target, String prefix, Duration expiry) {
		List<Response<Object>> answers = new ArrayList<>(keys.size());
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			for (String key : keys) {
				answers.add(pipeline.eval(SCRIPT, List.of(key, target.apply(key)),
						List.of(prefix, Long.toString(expiry.toSeconds()))));
			}
			pipeline.sync();
		}
		long moved = 0;
		for (Response<Object> answer : answers) {
			if (answer.get() instanceof Long done) {
				moved += done;
			}
		}
		return moved;
	}

}
