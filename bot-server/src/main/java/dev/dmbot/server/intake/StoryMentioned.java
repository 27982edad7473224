package dev.dmbot.server.intake;

import java.util.List;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer mentioned the account in their story.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param text words sent with it, usually {@code null}
 * @param attachments the {@code story_mention} attachment with the story's URL
 * @param referral the ad the message came from, may be {@code null}
 */
public record StoryMentioned(Envelope envelope, String mid, String text, List<Attachment> attachments,
		Referral referral) implements CustomerMessage {

	public StoryMentioned {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	@Override
	public EventKind kind() {
		return EventKind.STORY_MENTION;
	}

}
