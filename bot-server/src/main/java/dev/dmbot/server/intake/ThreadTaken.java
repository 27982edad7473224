package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * Another app took control of the thread.
 *
 * @param envelope what every event carries
 * @param appId the new owner app, as Meta names it
 * @param metadata what the taking app sent along, may be {@code null}
 */
public record ThreadTaken(Envelope envelope, String appId, String metadata) implements ThreadControlEvent {

	@Override
	public EventKind kind() {
		return EventKind.TAKE_THREAD_CONTROL;
	}

}
