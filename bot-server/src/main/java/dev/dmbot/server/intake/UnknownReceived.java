package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * An event of a shape this version does not know, kept with its raw JSON.
 *
 * @param envelope what every event carries
 * @param mid the message id when the shape was a message, otherwise {@code null}
 */
public record UnknownReceived(Envelope envelope, String mid) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.UNKNOWN;
	}

}
