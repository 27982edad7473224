package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer reacted to a message.
 *
 * @param envelope what every event carries
 * @param mid the message reacted to
 * @param reaction the emoji, or Meta's name for it
 */
public record ReactionAdded(Envelope envelope, String mid, String reaction) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.REACTION;
	}

}
