package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * Someone commented on one of the account's posts or reels (or a live video); the
 * envelope's sender is the commenter.
 *
 * @param envelope what every event carries
 * @param commentId the comment's id
 * @param text what they wrote
 * @param username their Instagram username, may be {@code null}
 * @param mediaId the post or reel commented on
 * @param parentId the comment answered, {@code null} for a top-level comment
 */
public record CommentReceived(Envelope envelope, String commentId, String text, String username, String mediaId,
		String parentId) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.COMMENT;
	}

}
