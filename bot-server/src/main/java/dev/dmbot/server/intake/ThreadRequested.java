package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * Another app asks for control of the thread.
 *
 * @param envelope what every event carries
 * @param appId the app asking
 * @param metadata what it sent along, may be {@code null}
 */
public record ThreadRequested(Envelope envelope, String appId, String metadata) implements ThreadControlEvent {

	@Override
	public EventKind kind() {
		return EventKind.REQUEST_THREAD_CONTROL;
	}

}
