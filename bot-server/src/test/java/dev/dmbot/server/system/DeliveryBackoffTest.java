package dev.dmbot.server.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryBackoffTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void waitsGrowExponentiallyWithJitterUpToTheMaximum() {
		DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

		for (int i = 0; i < 50; i++) {
			assertThat(backoff.next(1, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
			assertThat(backoff.next(3, null)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
			assertThat(backoff.next(30, null)).isLessThanOrEqualTo(Duration.ofMinutes(5));
		}
	}

	@Test
	void aLongerRetryAfterWinsAndAShorterOneDoesNotShortenTheBackoff() {
		DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));

		assertThat(backoff.next(1, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(120));
		assertThat(backoff.next(1, Duration.ZERO)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
		assertThat(backoff.next(1, Duration.ofDays(30))).isEqualTo(DeliveryBackoff.LONGEST_RETRY_AFTER);
	}

	@Test
	void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
		assertThat(DeliveryBackoff.parseRetryAfter("120", CLOCK)).isEqualTo(Duration.ofSeconds(120));
		assertThat(DeliveryBackoff.parseRetryAfter(" 0 ", CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(DeliveryBackoff.parseRetryAfter("Fri, 01 May 2026 10:01:30 GMT", CLOCK))
			.isEqualTo(Duration.ofSeconds(90));
		assertThat(DeliveryBackoff.parseRetryAfter("Fri, 01 May 2026 09:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(DeliveryBackoff.parseRetryAfter("soon", CLOCK)).isNull();
		assertThat(DeliveryBackoff.parseRetryAfter(null, CLOCK)).isNull();
	}

}
