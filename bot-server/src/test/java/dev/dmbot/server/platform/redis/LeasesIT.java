package dev.dmbot.server.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dmbot.server.support.StandaloneRedis;

/**
 * Leases and the compare-and-set of record fields on a real redis-server: one holder at a
 * time, a lease that lapses frees the key, a holder never releases another's lease; a
 * record's fields change only while the compared field holds what was read.
 */
class LeasesIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	static final String KEY = "bot:{accounts}:refresh:17841400000000123";

	Leases leases;

	@BeforeEach
	void setUp() {
		redis.client().flushAll();
		this.leases = new Leases(redis.client());
	}

	@Test
	void oneHolderAtATimeUntilItReleases() {
		Optional<Leases.Lease> first = this.leases.take(KEY, Duration.ofMinutes(1));
		assertThat(first).isPresent();
		assertThat(this.leases.take(KEY, Duration.ofMinutes(1))).isEmpty();
		assertThat(redis.client().pttl(KEY)).isBetween(1L, 60_000L);

		assertThat(first.get().release()).isTrue();
		assertThat(this.leases.take(KEY, Duration.ofMinutes(1))).isPresent();
	}

	@Test
	void aLapsedLeaseIsTakenByAnotherAndTheFirstHolderCannotReleaseIt() {
		Leases.Lease lapsed = this.leases.take(KEY, Duration.ofMinutes(1)).orElseThrow();
		// As if the limit had passed: Redis expires the key.
		redis.client().del(KEY);
		Leases.Lease next = this.leases.take(KEY, Duration.ofMinutes(1)).orElseThrow();

		assertThat(lapsed.release()).isFalse();
		assertThat(redis.client().exists(KEY)).as("still the next holder's").isTrue();
		assertThat(next.release()).isTrue();
	}

	@Test
	void aLeaseNeedsATimeLimit() {
		assertThatThrownBy(() -> this.leases.take(KEY, Duration.ZERO))
			.hasMessage("a lease's time limit must be positive, but was PT0S");
	}

	@Test
	void fieldsAreReplacedOnlyWhileTheComparedFieldHoldsWhatWasRead() {
		HashRecordSet records = new HashRecords(redis.client()).named("bot:{accounts}:ids", "bot:{accounts}:account:");
		records.put("1", Map.of("token", "v1:a", "status", "CONNECTED"));

		assertThat(records.replaceFields("1", "token", "v1:a", Map.of("token", "v1:b", "refreshedAt", "now"))).isTrue();
		assertThat(records.replaceFields("1", "token", "v1:a", Map.of("status", "DISCONNECTED"))).isFalse();
		assertThat(records.replaceFields("2", "token", "v1:a", Map.of("status", "DISCONNECTED")))
			.as("no record, nothing written")
			.isFalse();

		assertThat(records.find("1")).contains(Map.of("token", "v1:b", "status", "CONNECTED", "refreshedAt", "now"));
		assertThat(records.find("2")).isEmpty();
		assertThat(records.ids()).isEqualTo(List.of("1"));
	}

	@Test
	void fieldsAreReplacedOnlyWhileEveryComparedFieldHoldsWhatWasRead() {
		HashRecordSet records = new HashRecords(redis.client()).named("bot:{accounts}:ids", "bot:{accounts}:account:");
		records.put("1", Map.of("token", "v1:a", "status", "CONNECTED"));

		assertThat(records.replaceFieldsWhile("1", Map.of("token", "v1:b", "status", "CONNECTED"),
				Map.of("status", "DISCONNECTED")))
			.as("the token changed")
			.isFalse();
		assertThat(records.replaceFieldsWhile("1", Map.of("token", "v1:a", "status", "CONNECTED"),
				Map.of("status", "DISCONNECTED", "disconnectedReason", "code 190")))
			.isTrue();
		assertThat(records.replaceFieldsWhile("1", Map.of("token", "v1:a", "status", "CONNECTED"),
				Map.of("status", "DISCONNECTED")))
			.as("already disconnected")
			.isFalse();

		assertThat(records.find("1"))
			.contains(Map.of("token", "v1:a", "status", "DISCONNECTED", "disconnectedReason", "code 190"));
	}

}
