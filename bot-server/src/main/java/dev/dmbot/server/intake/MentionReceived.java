package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * Someone mentioned the account in a comment or caption; Meta names no sender.
 *
 * @param envelope what every event carries
 * @param commentId the comment with the mention, may be {@code null}
 * @param mediaId the media it is on
 */
public record MentionReceived(Envelope envelope, String commentId, String mediaId) implements InboundEvent {

	@Override
	public EventKind kind() {
		return EventKind.MENTION;
	}

}
