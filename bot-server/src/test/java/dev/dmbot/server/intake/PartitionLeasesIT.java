package dev.dmbot.server.intake;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import dev.dmbot.server.system.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One lease round against a real redis-server, beside an instance of the previous release
 * that uses the same keys its own way ({@code SET NX PX} to take a lease,
 * {@code ZADD}/{@code ZREMRANGEBYSCORE}/{@code ZCARD} to count instances).
 */
class PartitionLeasesIT {

	static final long NOW = 1_767_225_600_000L;

	static final long TTL = 15_000;

	static EmbeddedRedisServer server;

	static UnifiedJedis redis;

	final PartitionLeases leases = new PartitionLeases(redis, new IntakeProperties(8, 64, Duration.ofMillis(TTL),
			Duration.ofDays(7), null, Duration.ofDays(3), Duration.ofSeconds(20)));

	@BeforeAll
	static void startRedis() {
		server = new EmbeddedRedisServer();
		redis = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", server.port())).build();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
		server.close();
	}

	@BeforeEach
	void emptyRedis() {
		redis.flushAll();
	}

	@Test
	void aRoundRenewsTheLeasesHeldAndCountsTheInstancesAlive() {
		assertThat(this.leases.acquire(0, "new")).isTrue();
		assertThat(this.leases.acquire(1, "new")).isTrue();
		redis.pexpire(StreamKeys.lease(0), 1000);
		// An instance of the previous release beats as it always did.
		redis.zadd(StreamKeys.INSTANCES, NOW - 2000, "old");

		PartitionLeases.Round round = this.leases.beat("new", List.of(0, 1), NOW, false);

		assertThat(round.instances()).isEqualTo(2);
		assertThat(round.lost()).isEmpty();
		assertThat(redis.pttl(StreamKeys.lease(0))).isGreaterThan(TTL - 1000);
		assertThat(round.nextExpiryMillis()).isEqualTo(NOW - 2000 + TTL);
		// The previous release cannot take a partition this one holds.
		assertThat(redis.set(StreamKeys.lease(0), "old", SetParams.setParams().nx().px(TTL))).isNull();
	}

	@Test
	void aLeaseTakenOrExpiredIsReportedLostAndNotRenewed() {
		redis.set(StreamKeys.lease(2), "old", SetParams.setParams().px(TTL));
		assertThat(this.leases.acquire(3, "new")).isTrue();
		redis.del(StreamKeys.lease(3));

		PartitionLeases.Round round = this.leases.beat("new", List.of(2, 3), NOW, false);

		assertThat(round.lost()).containsExactlyInAnyOrder(2, 3);
		assertThat(redis.get(StreamKeys.lease(2))).isEqualTo("old");
		assertThat(redis.exists(StreamKeys.lease(3))).isFalse();
	}

	@Test
	void anInstanceThatStoppedBeatingIsNotCountedAndIsSweptOnlyWhenAsked() {
		redis.zadd(StreamKeys.INSTANCES, NOW - TTL, "gone");

		assertThat(this.leases.beat("new", List.of(), NOW, false).instances()).isEqualTo(1);
		assertThat(redis.zscore(StreamKeys.INSTANCES, "gone")).isNotNull();
		PartitionLeases.Round swept = this.leases.beat("new", List.of(), NOW, true);

		assertThat(swept.instances()).isEqualTo(1);
		assertThat(swept.nextExpiryMillis()).isEqualTo(Long.MAX_VALUE);
		assertThat(redis.zrange(StreamKeys.INSTANCES, 0, -1)).containsExactly("new");
	}

	@Test
	void aReleasedLeaseIsFreeAndOnlyItsOwnerCanReleaseIt() {
		assertThat(this.leases.acquire(4, "new")).isTrue();
		this.leases.release(4, "someone-else");
		assertThat(this.leases.remaining(4)).isPositive();
		this.leases.release(4, "new");
		assertThat(this.leases.remaining(4)).isNegative();
		assertThat(this.leases.acquire(4, "other")).isTrue();
	}

}
