package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer unsent a message.
 *
 * @param envelope what every event carries
 * @param mid the message removed
 */
public record MessageDeleted(Envelope envelope, String mid) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.DELETED;
	}

}
