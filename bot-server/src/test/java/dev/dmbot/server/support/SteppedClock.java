package dev.dmbot.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it, for code tested without a server
 * ({@link MovableClock} moves with real time, for a server under test).
 */
public final class SteppedClock extends Clock {

	private Instant now;

	public SteppedClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration by) {
		this.now = this.now.plus(by);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
