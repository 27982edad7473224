package dev.dmbot.server.intake;

import java.util.List;

import dev.dmbot.server.platform.events.EventKind;

/**
 * One event of a webhook delivery, in the server's own terms. Fields that the event's
 * kind does not carry are {@code null}. {@code raw} keeps Meta's JSON for the item so
 * that nothing Meta sent is lost, even for shapes this version does not understand.
 *
 * @param accountId the Instagram professional account the event belongs to
 * ({@code entry.id})
 * @param senderId the customer's Instagram-scoped id (for echoes, the customer the
 * business wrote to)
 * @param timestamp when Meta says the event happened, epoch milliseconds
 * @param receivedAt when this server received the delivery, epoch milliseconds
 * @param standby true when the event arrived on the standby channel (another app owns the
 * thread)
 */
public record InboundEvent(String accountId, String senderId, long timestamp, long receivedAt, EventKind kind,
		String mid, String text, String payload, String title, String referralRef, String referralSource, String adId,
		List<Attachment> attachments, String replyToMid, String storyId, String commentId, String mediaId,
		String reaction, boolean standby, String raw) {

	public InboundEvent {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	/**
	 * The key that identifies this event across Meta's redeliveries: the message id for
	 * everything about a message, the comment id for comments, and sender, time and kind
	 * for events that carry no id.
	 */
	public String dedupKey() {
		String prefix = this.standby ? "sb:" : "";
		String id = switch (this.kind) {
			case EDIT, REACTION, UNREACTION, READ -> this.mid + ":" + this.timestamp;
			case COMMENT, MENTION -> this.commentId != null ? this.commentId : this.mediaId + ":" + this.timestamp;
			default -> this.mid != null ? this.mid : this.senderId + ":" + this.timestamp;
		};
		return prefix + this.kind.ruleName() + ":" + id;
	}

	/** The conversation this event belongs to: one customer of one account. */
	public String conversationId() {
		return this.accountId + ":" + this.senderId;
	}

}
