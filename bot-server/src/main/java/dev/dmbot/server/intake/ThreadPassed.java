package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * Another app passed control of the thread.
 *
 * @param envelope what every event carries
 * @param appId the new owner app
 * @param metadata what the passing app sent along, may be {@code null}
 */
public record ThreadPassed(Envelope envelope, String appId, String metadata) implements ThreadControlEvent {

	@Override
	public EventKind kind() {
		return EventKind.PASS_THREAD_CONTROL;
	}

}
