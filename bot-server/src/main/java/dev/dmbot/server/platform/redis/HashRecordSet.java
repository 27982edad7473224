package dev.dmbot.server.platform.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import redis.clients.jedis.UnifiedJedis;

/**
 * Records kept as one Redis hash each ({@code <prefix><id>}), with the set of their ids
 * beside them, for a feature's few long-lived records such as connected accounts. A
 * record and the index change together in one script, so a reader never finds an id
 * without its record, nor a record that the index forgot. Made by {@link HashRecords}.
 */
public final class HashRecordSet {

	/** Replaces the record whole and lists its id. */
	private static final String PUT = """
			redis.call('DEL', KEYS[2])
			redis.call('HSET', KEYS[2], unpack(ARGV))
			redis.call('SADD', KEYS[1], KEYS[3])
			return 1
			""";

	/**
	 * Sets a field only while it still holds the value the caller read, so a rewrite of a
	 * value computed from an old one never undoes a newer write.
	 */
	private static final String REPLACE_FIELD = """
			if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
			return 1
			""";

	/**
	 * Sets several fields only while one of them still holds the value the caller read,
	 * and only while the record exists.
	 */
	private static final String REPLACE_FIELDS = """
			if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
			redis.call('HSET', KEYS[1], unpack(ARGV, 3))
			return 1
			""";

	/**
	 * Sets several fields only while each of the expected fields holds its expected
	 * value: ARGV[1] is how many (field, value) pairs are expected, they follow, then the
	 * fields to set.
	 */
	private static final String REPLACE_FIELDS_WHILE = """
			local expected = tonumber(ARGV[1])
			for i = 0, expected - 1 do
				if redis.call('HGET', KEYS[1], ARGV[2 + 2 * i]) ~= ARGV[3 + 2 * i] then return 0 end
			end
			redis.call('HSET', KEYS[1], unpack(ARGV, 2 + 2 * expected))
			return 1
			""";

	private static final String REMOVE = """
			redis.call('SREM', KEYS[1], KEYS[3])
			return redis.call('DEL', KEYS[2])
			""";

	private final UnifiedJedis redis;

	private final String indexKey;

	private final String recordPrefix;

	HashRecordSet(UnifiedJedis redis, String indexKey, String recordPrefix) {
		this.redis = redis;
		this.indexKey = indexKey;
		this.recordPrefix = recordPrefix;
	}

	/** The ids of the records, in their natural order. */
	public List<String> ids() {
		return List.copyOf(new TreeSet<>(
				RedisFailures.translating("read " + this.indexKey, () -> this.redis.smembers(this.indexKey))));
	}

	/** The record of this id; empty when there is none. */
	public Optional<Map<String, String>> find(String id) {
		Map<String, String> fields = RedisFailures.translating("read " + this.recordPrefix + id,
				() -> this.redis.hgetAll(this.recordPrefix + id));
		return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
	}

	/** Every record, by id in the order of {@link #ids()}. */
	public Map<String, Map<String, String>> all() {
		Map<String, Map<String, String>> records = new LinkedHashMap<>();
		for (String id : ids()) {
			find(id).ifPresent((fields) -> records.put(id, fields));
		}
		return records;
	}

	/** Stores the record of this id, replacing any earlier one whole, and lists it. */
	public void put(String id, Map<String, String> fields) {
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("a record needs at least one field");
		}
		List<String> arguments = new ArrayList<>(fields.size() * 2);
		fields.forEach((name, value) -> {
			arguments.add(name);
			arguments.add(value);
		});
		RedisFailures.translating("write " + this.recordPrefix + id,
				() -> this.redis.eval(PUT, List.of(this.indexKey, this.recordPrefix + id, id), arguments));
	}

	/**
	 * Sets one field of the record to {@code value} if it still holds {@code expected}.
	 * @return whether it was set
	 */
	public boolean replaceField(String id, String field, String expected, String value) {
		Object replaced = RedisFailures.translating("write " + this.recordPrefix + id,
				() -> this.redis.eval(REPLACE_FIELD, List.of(this.recordPrefix + id), List.of(field, expected, value)));
		return Long.valueOf(1).equals(replaced);
	}

	/**
	 * Sets {@code fields} of the record (adding those it lacks) if its field
	 * {@code field} still holds {@code expected}: a compare-and-set, so a value computed
	 * from what was read never overwrites a newer write.
	 * @return whether they were set; {@code false} when the field changed or the record
	 * is gone
	 */
	public boolean replaceFields(String id, String field, String expected, Map<String, String> fields) {
		if (fields.isEmpty()) {
			throw new IllegalArgumentException("at least one field must be set");
		}
		List<String> arguments = new ArrayList<>(2 + fields.size() * 2);
		arguments.add(field);
		arguments.add(expected);
		fields.forEach((name, value) -> {
			arguments.add(name);
			arguments.add(value);
		});
		Object replaced = RedisFailures.translating("write " + this.recordPrefix + id,
				() -> this.redis.eval(REPLACE_FIELDS, List.of(this.recordPrefix + id), arguments));
		return Long.valueOf(1).equals(replaced);
	}

	/**
	 * Sets {@code fields} of the record if every field of {@code expected} still holds
	 * its value there: a compare-and-set on several fields at once.
	 * @return whether they were set; {@code false} when a field differs or the record is
	 * gone
	 */
	public boolean replaceFieldsWhile(String id, Map<String, String> expected, Map<String, String> fields) {
		if (fields.isEmpty() || expected.isEmpty()) {
			throw new IllegalArgumentException("at least one field must be expected and one set");
		}
		List<String> arguments = new ArrayList<>(1 + (expected.size() + fields.size()) * 2);
		arguments.add(Integer.toString(expected.size()));
		expected.forEach((name, value) -> {
			arguments.add(name);
			arguments.add(value);
		});
		fields.forEach((name, value) -> {
			arguments.add(name);
			arguments.add(value);
		});
		Object replaced = RedisFailures.translating("write " + this.recordPrefix + id,
				() -> this.redis.eval(REPLACE_FIELDS_WHILE, List.of(this.recordPrefix + id), arguments));
		return Long.valueOf(1).equals(replaced);
	}

	/**
	 * Removes the record of this id and its place in the index.
	 * @return whether there was one
	 */
	public boolean remove(String id) {
		Object removed = RedisFailures.translating("remove " + this.recordPrefix + id,
				() -> this.redis.eval(REMOVE, List.of(this.indexKey, this.recordPrefix + id, id), List.of()));
		return Long.valueOf(1).equals(removed);
	}

}
