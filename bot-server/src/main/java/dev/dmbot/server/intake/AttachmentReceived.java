package dev.dmbot.server.intake;

import java.util.List;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer sent media without words: a photo, a video, a shared post or reel.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param attachments what was sent
 * @param replyToMid the message it answers inline, may be {@code null}
 * @param referral the ad the message came from, may be {@code null}
 */
public record AttachmentReceived(Envelope envelope, String mid, List<Attachment> attachments, String replyToMid,
		Referral referral) implements CustomerMessage {

	public AttachmentReceived {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	@Override
	public EventKind kind() {
		return EventKind.ATTACHMENT;
	}

}
