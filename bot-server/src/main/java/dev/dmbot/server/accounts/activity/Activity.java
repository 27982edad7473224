package dev.dmbot.server.accounts.activity;

import java.time.Duration;
import java.time.Instant;

/**
 * What an account did lately, as every instance recorded it.
 *
 * @param lastEventReceived when the webhook last stored an event for the account; null
 * when never
 * @param lastReplySent when Meta last accepted a message the account sent; null when
 * never
 * @param sendErrors how many sends Meta refused for good, since the account was first
 * served
 * @param lastSendError the latest of them; null when none
 */
public record Activity(Instant lastEventReceived, Instant lastReplySent, long sendErrors, SendError lastSendError) {

	/** Nothing recorded yet. */
	public static final Activity NONE = new Activity(null, null, 0, null);

	/**
	 * One send Meta refused.
	 *
	 * @param at when
	 * @param code Meta's error code, such as 190 for a token that no longer works
	 * @param description Meta's explanation, as the dead-letter stream shows it
	 */
	public record SendError(Instant at, int code, String description) {
	}

	/**
	 * Whether the account used to receive events and has received none for longer than
	 * {@code after}.
	 */
	public boolean silent(Instant now, Duration after) {
		return this.lastEventReceived != null && this.lastEventReceived.plus(after).isBefore(now);
	}

}
