package dev.dmbot.server.intake;

import java.util.List;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer wrote a message (text, perhaps with media).
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param text what the customer wrote
 * @param attachments media sent with it
 * @param replyToMid the message it answers inline, may be {@code null}
 * @param referral the ad the message came from (the first message of a click-to-Direct
 * ad), may be {@code null}
 */
public record MessageReceived(Envelope envelope, String mid, String text, List<Attachment> attachments,
		String replyToMid, Referral referral) implements CustomerMessage {

	public MessageReceived {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	@Override
	public EventKind kind() {
		return EventKind.MESSAGE;
	}

}
