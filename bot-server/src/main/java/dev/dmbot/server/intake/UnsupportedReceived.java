package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer sent something Meta does not pass on to apps.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 */
public record UnsupportedReceived(Envelope envelope, String mid) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.UNSUPPORTED;
	}

}
