package dev.dmbot.server.accounts.activity;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.platform.redis.Hashes;
import dev.dmbot.server.support.StandaloneRedis;
import dev.dmbot.server.support.SteppedClock;
import dev.dmbot.server.system.MetaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Recording activity on a real redis-server, counted with {@code INFO commandstats}: the
 * stamps cost at most one write per account and interval, errors are kept with Meta's
 * code, and a Redis that cannot be reached costs the stamp, never the caller.
 */
class AccountActivityRedisIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final Accounts ACCOUNTS = Accounts
		.configured(new MetaProperties(null, null, null, null, "17841400000000042", URI.create("https://graph.test")));

	final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-08T10:00:00Z"));

	@Test
	void busyAccountsAreStampedOncePerInterval() {
		AccountActivity activity = activity(new Hashes(redis.client()), Duration.ofSeconds(10));
		String account = "17841400000000042";
		long writes = redis.calls("hset");

		activity.received(account);
		activity.received(account);
		activity.sent(account);
		this.clock.advance(Duration.ofSeconds(9));
		activity.received(account);

		assertThat(redis.calls("hset") - writes).isEqualTo(2);
		assertThat(activity.of(account).lastEventReceived()).isEqualTo(this.clock.instant().minusSeconds(9));

		this.clock.advance(Duration.ofSeconds(2));
		activity.received(account);

		assertThat(redis.calls("hset") - writes).isEqualTo(3);
		assertThat(activity.of(account).lastEventReceived()).isEqualTo(this.clock.instant());
		assertThat(activity.of(account).lastReplySent()).isEqualTo(this.clock.instant().minusSeconds(11));
	}

	@Test
	void refusedSendsAreCountedAndTheLatestKept() {
		AccountActivity activity = activity(new Hashes(redis.client()), Duration.ofSeconds(10));
		String account = "17841400000000043";

		activity.sendFailed(account, 10, "outside the allowed window (code 10)");
		this.clock.advance(Duration.ofMinutes(1));
		activity.sendFailed(account, 190, "the access token is no longer valid (code 190)");

		Activity read = activity.of(account);
		assertThat(read.sendErrors()).isEqualTo(2);
		assertThat(read.lastSendError()).isEqualTo(
				new Activity.SendError(this.clock.instant(), 190, "the access token is no longer valid (code 190)"));
		assertThat(read.lastEventReceived()).isNull();
		assertThat(activity.silent(read)).isFalse();
	}

	@Test
	void anAccountThatNeverReceivedIsNeverSilentAndOneThatStoppedIs() {
		AccountActivity activity = activity(new Hashes(redis.client()), Duration.ZERO);
		String account = "17841400000000044";

		assertThat(activity.silent(activity.of(account))).isFalse();
		activity.received(account);
		this.clock.advance(Duration.ofHours(6));
		assertThat(activity.silent(activity.of(account))).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(activity.silent(activity.of(account))).isTrue();
	}

	@Test
	void aRedisThatCannotBeReachedCostsTheStampNotTheCaller() {
		try (RedisClient nowhere = RedisClient.builder().hostAndPort("127.0.0.1", 1).build()) {
			AccountActivity activity = activity(new Hashes(nowhere), Duration.ofSeconds(10));

			assertThatNoException().isThrownBy(() -> {
				activity.received("17841400000000045");
				activity.sent("17841400000000045");
				activity.sendFailed("17841400000000045", 190, "token");
			});
		}
	}

	private AccountActivity activity(Hashes hashes, Duration writeEvery) {
		return new AccountActivity(hashes, ACCOUNTS, this.clock,
				new AccountActivityProperties(Duration.ofHours(6), writeEvery), new SimpleMeterRegistry());
	}

}
