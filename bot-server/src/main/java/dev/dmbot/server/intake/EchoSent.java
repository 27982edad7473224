package dev.dmbot.server.intake;

import java.util.List;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The business sent a message (from this app, the Inbox or the phone); the envelope's
 * sender is the customer written to.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param text what the business wrote
 * @param attachments media it sent
 */
public record EchoSent(Envelope envelope, String mid, String text,
		List<Attachment> attachments) implements InboundEvent {

	public EchoSent {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	@Override
	public EventKind kind() {
		return EventKind.ECHO;
	}

}
