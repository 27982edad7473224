package dev.dmbot.server.leads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending-delivery claims against a real redis-server of their own, with several
 * claimers standing in for several instances.
 */
class PendingDeliveriesIT {

	static EmbeddedRedisServer server;

	static UnifiedJedis redis;

	PendingDeliveries pending;

	@BeforeAll
	static void startRedis() {
		server = new EmbeddedRedisServer();
		redis = RedisClient.builder().hostAndPort("127.0.0.1", server.port()).build();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
		server.close();
	}

	@BeforeEach
	void empty() {
		redis.del(LeadKeys.PENDING);
		this.pending = new PendingDeliveries(redis);
	}

	@Test
	void concurrentInstancesClaimEachDueDeliveryOnce() throws Exception {
		for (int i = 0; i < 500; i++) {
			this.pending.schedule("lead-" + i, 1_000);
		}
		List<String> claimed = Collections.synchronizedList(new ArrayList<>());
		ExecutorService instances = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(instances.submit(() -> {
				start.await();
				List<String> batch;
				do {
					batch = this.pending.claimDue(2_000, 60_000, 7);
					claimed.addAll(batch);
					for (String id : batch) {
						this.pending.claim(id, 2_000, 60_000);
					}
				}
				while (!batch.isEmpty());
				return null;
			}));
		}
		start.countDown();
		for (Future<?> run : runs) {
			run.get();
		}
		instances.shutdown();

		assertThat(claimed).hasSize(500).doesNotHaveDuplicates();
	}

	@Test
	void onlyDueDeliveriesAreClaimedAndAClaimLapsesWhenItsLeaseRunsOut() {
		this.pending.schedule("due", 1_000);
		this.pending.schedule("later", 5_000);

		assertThat(this.pending.claimDue(2_000, 10_000, 10)).containsExactly("due");
		assertThat(this.pending.claimDue(3_000, 11_000, 10)).isEmpty();
		assertThat(this.pending.claim("due", 3_000, 11_000)).isFalse();
		// The instance holding the claim is gone; after its lease another one takes over.
		assertThat(this.pending.claimDue(10_000, 20_000, 10)).containsExactlyInAnyOrder("due", "later");
	}

	@Test
	void anOldClaimCannotUndoARequeue() {
		this.pending.schedule("lead", 1_000);
		assertThat(this.pending.claim("lead", 1_000, 9_000)).isTrue();
		// An admin re-queues it while the try is under way.
		this.pending.schedule("lead", 2_000);

		this.pending.done("lead", 9_000);
		this.pending.retryAt("lead", 9_000, 50_000);

		assertThat(redis.zscore(LeadKeys.PENDING, "lead")).isEqualTo(2_000.0);
		assertThat(this.pending.claim("lead", 2_000, 12_000)).isTrue();
		this.pending.retryAt("lead", 12_000, 30_000);
		assertThat(redis.zscore(LeadKeys.PENDING, "lead")).isEqualTo(30_000.0);
		this.pending.done("lead", 30_000);
		assertThat(this.pending.size()).isZero();
	}

}
