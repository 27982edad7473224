package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer took a reaction back.
 *
 * @param envelope what every event carries
 * @param mid the message the reaction was on
 * @param reaction the reaction removed, may be {@code null}
 */
public record ReactionRemoved(Envelope envelope, String mid, String reaction) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.UNREACTION;
	}

}
