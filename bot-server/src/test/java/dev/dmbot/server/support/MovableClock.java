package dev.dmbot.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the real time, shifted by however far a test moved it, so a test
 * can jump a day ahead without sleeping while everything else keeps ticking.
 */
public final class MovableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	public void advance(Duration by) {
		this.offset.accumulateAndGet(by, Duration::plus);
	}

	/**
	 * Moves the clock forward to {@code at}; never back, so what the server stored keeps
	 * its order.
	 */
	public void advanceTo(Instant at) {
		Duration by = Duration.between(instant(), at);
		if (by.isNegative()) {
			throw new IllegalArgumentException("the clock only moves forward, but " + at + " is before " + instant());
		}
		advance(by);
	}

	/**
	 * The next {@code day} at {@code time} in {@code zone} after now, e.g. the next
	 * Wednesday at 11:00 in Lisbon, when Lumen & Oak's team is in.
	 */
	public Instant next(java.time.DayOfWeek day, java.time.LocalTime time, ZoneId zone) {
		java.time.ZonedDateTime now = instant().atZone(zone);
		java.time.ZonedDateTime candidate = now.with(java.time.temporal.TemporalAdjusters.nextOrSame(day)).with(time);
		return (candidate.isAfter(now) ? candidate : candidate.plusWeeks(1)).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the server reads time in UTC");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

}
