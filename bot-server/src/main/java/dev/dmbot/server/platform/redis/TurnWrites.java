package dev.dmbot.server.platform.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * The writes a turn's commit makes to one person's keys that expire some time after the
 * person's last turn (their context, their conversation log, their touches), queued on
 * the commit's transaction. Setting an expiry costs a command per key and turn, so a turn
 * sets them only when they were last set {@link #REFRESH} ago or more, or never, and the
 * person's context keeps when ({@link #expiriesSetAt()}); a key then expires up to
 * {@code REFRESH} sooner than its retention after the last turn, nothing against a
 * retention of days.
 * <p>
 * No key is left without an expiry: only a turn that sets them creates a stream, and a
 * hash created by a turn that does not (new beside keys whose expiries were set lately,
 * or erased since the turn read it) gets its expiry right after the commit, in
 * {@link #settle()}.
 * <p>
 * Fields that several features keep in one hash (the context hash holds the A/B touches
 * and the pending reply beside the context) go to Redis as one {@code HSET} per hash,
 * sent with the transaction by {@link #exec()}.
 */
public final class TurnWrites {

	/** How long a person's expiries stand before a turn sets them again. */
	public static final Duration REFRESH = Duration.ofSeconds(30);

	private final UnifiedJedis redis;

	private final AbstractTransaction transaction;

	private final Instant expiriesSetAt;

	private final List<Unexpiring> maybeCreated = new ArrayList<>();

	/** Fields of each hash, gathered from every feature until {@link #exec()}. */
	private final Map<String, HashFields> hashes = new LinkedHashMap<>();

	private TurnWrites(UnifiedJedis redis, AbstractTransaction transaction, Instant expiriesSetAt) {
		this.redis = redis;
		this.transaction = transaction;
		this.expiriesSetAt = expiriesSetAt;
	}

	/**
	 * Writes of a turn on its open transaction.
	 * @param lastSet when a turn last set the person's expiries, {@code null} for never
	 * (a new person, or data of an older release)
	 * @param now the time of this turn
	 */
	public static TurnWrites on(UnifiedJedis redis, AbstractTransaction transaction, Instant lastSet, Instant now) {
		boolean due = lastSet == null || !now.isBefore(lastSet.plus(REFRESH));
		return new TurnWrites(redis, transaction, due ? now : null);
	}

	/**
	 * This turn's time when it sets the person's expiries, to keep with their context;
	 * {@code null} when they were set lately and stand.
	 */
	public Instant expiriesSetAt() {
		return this.expiriesSetAt;
	}

	/**
	 * Sets fields of a hash that expires {@code expiry} after the person's last turn. The
	 * fields of a hash, from one feature or several, must include one that every write
	 * sets (a count, a time): a write that finds all its fields new has created the hash.
	 * They are queued with the others of the same hash by {@link #exec()}, as one
	 * {@code HSET}.
	 */
	public void hset(String key, Map<String, String> fields, Duration expiry) {
		HashFields hash = this.hashes.computeIfAbsent(key, (name) -> new HashFields(new LinkedHashMap<>(), expiry));
		hash.fields().putAll(fields);
		if (expiry.compareTo(hash.expiry()) > 0) {
			this.hashes.put(key, new HashFields(hash.fields(), expiry));
		}
	}

	/**
	 * Queues the hashes' fields gathered, one {@code HSET} (and, when this turn sets
	 * expiries, one {@code EXPIRE}) per hash, and runs the transaction.
	 * @return the transaction's replies
	 */
	public List<Object> exec() {
		this.hashes.forEach((key, hash) -> {
			Response<Long> added = this.transaction.hset(key, hash.fields());
			if (this.expiriesSetAt != null) {
				this.transaction.expire(key, hash.expiry().toSeconds());
			}
			else {
				this.maybeCreated.add(new Unexpiring(key, hash.expiry(), added, hash.fields().size()));
			}
		});
		this.hashes.clear();
		return this.transaction.exec();
	}

	/** Removes fields of a hash. */
	public void hdel(String key, String... fields) {
		this.transaction.hdel(key, fields);
	}

	/**
	 * Appends an entry to a stream that keeps about its newest {@code keep} entries and
	 * expires {@code expiry} after the person's last turn. A turn that does not set
	 * expiries finds the stream there (the turn that set them wrote to it); should it be
	 * gone meanwhile (erased), the entry is dropped rather than the stream created again
	 * without expiry.
	 */
	public void xadd(String key, long keep, Map<String, String> fields, Duration expiry) {
		XAddParams params = XAddParams.xAddParams().maxLen(keep).approximateTrimming();
		if (this.expiriesSetAt != null) {
			this.transaction.xadd(key, params, fields);
			this.transaction.expire(key, expiry.toSeconds());
		}
		else {
			this.transaction.xadd(key, params.noMkStream(), fields);
		}
	}

	/**
	 * Sets the expiry of a person's key that this turn does not write, when this turn
	 * sets expiries; a key that is not there stays so.
	 */
	public void expire(String key, Duration expiry) {
		if (this.expiriesSetAt != null) {
			this.transaction.expire(key, expiry.toSeconds());
		}
	}

	/**
	 * Once the transaction ran: sets the expiry of each hash it created without one, in
	 * one round trip, and only when there is such a hash.
	 */
	public void settle() {
		List<Unexpiring> created = this.maybeCreated.stream().filter(Unexpiring::created).toList();
		if (created.isEmpty()) {
			return;
		}
		try (AbstractPipeline pipeline = this.redis.pipelined()) {
			created.forEach((hash) -> pipeline.expire(hash.key(), hash.expiry().toSeconds()));
			pipeline.sync();
		}
	}

	/** The fields of one hash a turn sets, and how long the hash is kept. */
	private record HashFields(Map<String, String> fields, Duration expiry) {
	}

	/** A hash written without setting its expiry, and how many fields the write set. */
	private record Unexpiring(String key, Duration expiry, Response<Long> added, int written) {

		/** Every field new: the write created the hash (an existing one keeps some). */
		boolean created() {
			return this.added.get() == this.written;
		}

	}

}
