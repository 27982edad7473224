package dev.dmbot.server.platform.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn's writes set the sliding expiries of a person's keys only when those were set
 * {@link TurnWrites#REFRESH} ago or never, and still leave no key without one, on a real
 * redis-server counted with {@code INFO commandstats}.
 */
class TurnWritesIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	static final Duration KEPT = Duration.ofDays(90);

	@Test
	void expiriesNeverSetAreSetWithTheWrites() {
		String tag = tag();
		Instant setAt = commit(null, (writes) -> {
			writes.hset(tag + ":ctx", Map.of("count", "1"), KEPT);
			writes.xadd(tag + ":log", 500, Map.of("entry", "hi"), KEPT);
		});

		assertThat(setAt).isEqualTo(NOW);
		assertThat(client().ttl(tag + ":ctx")).isGreaterThan(KEPT.toSeconds() - 60);
		assertThat(client().ttl(tag + ":log")).isGreaterThan(KEPT.toSeconds() - 60);
	}

	@Test
	void expiriesSetLatelyStandAndCostNoCommand() {
		String tag = tag();
		client().hset(tag + ":ctx", Map.of("count", "1"));
		client().expire(tag + ":ctx", 1000);
		client().xadd(tag + ":log", StreamEntryID.NEW_ENTRY, Map.of("entry", "hi"));
		client().expire(tag + ":log", 1000);
		long expires = redis.calls("expire");

		Instant setAt = commit(NOW.minus(TurnWrites.REFRESH).plusSeconds(1), (writes) -> {
			writes.hset(tag + ":ctx", Map.of("count", "2"), KEPT);
			writes.xadd(tag + ":log", 500, Map.of("entry", "again"), KEPT);
			writes.expire(tag + ":touch", KEPT);
		});

		assertThat(setAt).isNull();
		assertThat(redis.calls("expire")).isEqualTo(expires);
		assertThat(client().ttl(tag + ":ctx")).isBetween(1L, 1000L);
		assertThat(client().ttl(tag + ":log")).isBetween(1L, 1000L);
		assertThat(client().xlen(tag + ":log")).isEqualTo(2);
	}

	@Test
	void expiriesSetARefreshAgoAreSetAgain() {
		String tag = tag();
		client().hset(tag + ":touch", Map.of("last.at", "earlier"));
		client().expire(tag + ":touch", 1000);

		Instant setAt = commit(NOW.minus(TurnWrites.REFRESH), (writes) -> writes.expire(tag + ":touch", KEPT));

		assertThat(setAt).isEqualTo(NOW);
		assertThat(client().ttl(tag + ":touch")).isGreaterThan(KEPT.toSeconds() - 60);
	}

	@Test
	void aHashCreatedWhileExpiriesStandGetsOneAfterTheCommit() {
		String tag = tag();

		commit(NOW, (writes) -> writes.hset(tag + ":touch", Map.of("last.at", "now"), KEPT));

		assertThat(client().ttl(tag + ":touch")).isGreaterThan(KEPT.toSeconds() - 60);
	}

	@Test
	void aStreamGoneWhileExpiriesStandIsNotCreatedAgain() {
		String tag = tag();

		commit(NOW, (writes) -> writes.xadd(tag + ":log", 500, Map.of("entry", "hi"), KEPT));

		assertThat(client().exists(tag + ":log")).isFalse();
	}

	@Test
	void fieldsSeveralFeaturesKeepInOneHashAreOneHset() {
		String tag = tag();
		long hsets = redis.calls("hset");

		commit(null, (writes) -> {
			writes.hset(tag + ":ctx", Map.of("count", "1"), KEPT);
			writes.hset(tag + ":ctx", Map.of("_touch.last.at", "now"), KEPT);
		});

		assertThat(redis.calls("hset") - hsets).isEqualTo(1);
		assertThat(client().hgetAll(tag + ":ctx")).containsOnlyKeys("count", "_touch.last.at");
		assertThat(client().ttl(tag + ":ctx")).isGreaterThan(KEPT.toSeconds() - 60);
	}

	/** One commit as a turn makes it; when it set the expiries. */
	private static Instant commit(Instant lastSet, Consumer<TurnWrites> queue) {
		TurnWrites writes;
		try (AbstractTransaction transaction = RedisTransactions.forHashTag(client(), "turn-writes")) {
			writes = TurnWrites.on(client(), transaction, lastSet, NOW);
			queue.accept(writes);
			writes.exec();
		}
		writes.settle();
		return writes.expiriesSetAt();
	}

	private static String tag() {
		return "bot:{turn-writes}:" + System.nanoTime();
	}

	private static RedisClient client() {
		return redis.client();
	}

}
