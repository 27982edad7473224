package dev.dmbot.server.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-account send cap against a real redis-server, with two limiters standing for
 * two instances of the server: together they never pass the cap in a second, a new second
 * starts afresh, and a busy instance asks Redis a few times a second, not once a send.
 */
class SendRateLimiterIT {

	static final Instant SECOND = Instant.parse("2026-12-07T10:00:00Z");

	@RegisterExtension
	static final StandaloneRedis server = new StandaloneRedis();

	@Test
	void twoInstancesTogetherStayUnderTheCapAndANewSecondStartsAfresh() {
		Clock clock = Clock.fixed(SECOND.plusMillis(250), ZoneOffset.UTC);
		SendRateLimiter one = limiter(20, clock);
		SendRateLimiter two = limiter(20, clock);
		int granted = 0;
		boolean oneWaits = false;
		boolean twoWaits = false;
		while (!(oneWaits && twoWaits)) {
			if (!oneWaits) {
				oneWaits = !one.tryAcquire("acc-a");
				granted += oneWaits ? 0 : 1;
			}
			if (!twoWaits) {
				twoWaits = !two.tryAcquire("acc-a");
				granted += twoWaits ? 0 : 1;
			}
		}
		// A block an instance reserved but did not use is lost for this second only.
		assertThat(granted).isBetween(17, 20);
		assertThat(server.client().get(OutboundKeys.sendRate("acc-a", SECOND.getEpochSecond()))).isNotNull();
		assertThat(server.client().ttl(OutboundKeys.sendRate("acc-a", SECOND.getEpochSecond()))).isBetween(1L, 2L);
		// Another account has a cap of its own.
		assertThat(one.tryAcquire("acc-b")).isTrue();

		Clock next = Clock.offset(clock, Duration.ofSeconds(1));
		SendRateLimiter later = limiter(20, next);
		assertThat(later.tryAcquire("acc-a")).isTrue();
	}

	@Test
	void aBusyInstanceReservesInBlocksAndAsksRedisAFewTimesASecond() {
		Clock clock = Clock.fixed(SECOND.plusSeconds(10), ZoneOffset.UTC);
		SendRateLimiter limiter = limiter(1000, clock);
		long evalsBefore = server.calls("eval");
		for (int i = 0; i < 1000; i++) {
			assertThat(limiter.tryAcquire("acc-busy")).isTrue();
		}
		assertThat(limiter.tryAcquire("acc-busy")).isFalse();
		// 1 + 2 + 4 + ... + 64, then blocks of 100 (a tenth of the cap).
		assertThat(server.calls("eval") - evalsBefore).isLessThanOrEqualTo(20);
		// What Redis counted: every send granted, and the refused reservation past the
		// cap.
		assertThat(Long.parseLong(server.client().get(OutboundKeys.sendRate("acc-busy", clock.millis() / 1000))))
			.isGreaterThan(1000);
	}

	@Test
	void aSendAfterAPauseReservesOneAgain() {
		Instant start = SECOND.plusSeconds(20);
		SendRateLimiter busy = limiter(1000, Clock.fixed(start, ZoneOffset.UTC));
		for (int i = 0; i < 100; i++) {
			busy.tryAcquire("acc-pause");
		}
		String key = OutboundKeys.sendRate("acc-pause", start.getEpochSecond() + 5);
		SendRateLimiter afterPause = limiter(1000, Clock.fixed(start.plusSeconds(5), ZoneOffset.UTC));
		assertThat(afterPause.tryAcquire("acc-pause")).isTrue();
		assertThat(server.client().get(key)).isEqualTo("1");
	}

	private static SendRateLimiter limiter(int cap, Clock clock) {
		return new SendRateLimiter(server.client(),
				new OutboundProperties(cap, 5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(10)),
				clock);
	}

}
