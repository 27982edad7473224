package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer edited a message.
 *
 * @param envelope what every event carries
 * @param mid the message edited
 * @param text its new words
 */
public record MessageEdited(Envelope envelope, String mid, String text) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.EDIT;
	}

}
