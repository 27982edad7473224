package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The customer replied to one of the account's stories.
 *
 * @param envelope what every event carries
 * @param mid Meta's message id
 * @param text what the customer wrote
 * @param storyId the story answered
 * @param referral the ad the message came from, may be {@code null}
 */
public record StoryReplied(Envelope envelope, String mid, String text, String storyId,
		Referral referral) implements CustomerMessage {

	@Override
	public EventKind kind() {
		return EventKind.STORY_REPLY;
	}

}
