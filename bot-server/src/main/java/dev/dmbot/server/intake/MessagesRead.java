package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer read the conversation up to a message.
 *
 * @param envelope what every event carries
 * @param mid the last message read
 */
public record MessagesRead(Envelope envelope, String mid) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.READ;
	}

}
