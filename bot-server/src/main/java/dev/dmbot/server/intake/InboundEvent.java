package dev.dmbot.server.intake;

import dev.dmbot.server.platform.events.EventKind;

/**
 * One event of a webhook delivery, in the server's own terms: a sealed family of
 * past-tense records, each carrying only the fields its kind has, around a shared
 * {@link Envelope}. The customer's own messages, which open the 24-hour window and are
 * answered, are the {@link CustomerMessage}s; consumers tell the others apart with
 * {@code instanceof}.
 *
 * <p>
 * {@link #dedupKey()} and {@link #conversationId()} name stored markers: their output
 * must not change from one release to the next.
 */
public sealed interface InboundEvent
		permits CustomerMessage, EchoSent, MessageDeleted, UnsupportedReceived, MessageEdited, ReactionAdded,
		ReactionRemoved, MessagesRead, ThreadControlEvent, CommentReceived, MentionReceived, UnknownReceived {

	/** What every event carries. */
	Envelope envelope();

	/** The event's type, as {@link EventKind} lists them. */
	EventKind kind();

	/** The Instagram professional account the event belongs to ({@code entry.id}). */
	default String accountId() {
		return envelope().accountId();
	}

	/** The customer's Instagram-scoped id; for an echo, the customer written to. */
	default String senderId() {
		return envelope().senderId();
	}

	/** When Meta says the event happened, epoch milliseconds. */
	default long timestamp() {
		return envelope().timestamp();
	}

	/** When this server received the delivery, epoch milliseconds. */
	default long receivedAt() {
		return envelope().receivedAt();
	}

	/** Whether it arrived on the standby channel (another app owns the thread). */
	default boolean standby() {
		return envelope().standby();
	}

	/** Meta's JSON for the item. */
	default String raw() {
		return envelope().raw();
	}

	/**
	 * The words the event carries: what the customer wrote (a message, the text of a
	 * quick reply, an edit, a comment) or, for an echo, what the business sent;
	 * {@code null} for events without words.
	 */
	default String text() {
		return null;
	}

	/**
	 * Meta's id of the message the event is, or is about; {@code null} for events about
	 * no message (referrals, thread control, comments).
	 */
	default String mid() {
		return null;
	}

	/**
	 * The key that identifies this event across Meta's redeliveries: the message id for
	 * everything about a message, the comment id for comments, and sender, time and kind
	 * for events that carry no id.
	 */
	default String dedupKey() {
		String id;
		if (this instanceof MessageEdited || this instanceof ReactionAdded || this instanceof ReactionRemoved
				|| this instanceof MessagesRead) {
			// One message is edited, reacted to and read many times.
			id = mid() + ":" + timestamp();
		}
		else if (this instanceof CommentReceived comment) {
			id = (comment.commentId() != null) ? comment.commentId() : comment.mediaId() + ":" + timestamp();
		}
		else if (this instanceof MentionReceived mention) {
			id = (mention.commentId() != null) ? mention.commentId() : mention.mediaId() + ":" + timestamp();
		}
		else {
			id = (mid() != null) ? mid() : senderId() + ":" + timestamp();
		}
		return (standby() ? "sb:" : "") + kind().ruleName() + ":" + id;
	}

	/** The conversation this event belongs to: one customer of one account. */
	default String conversationId() {
		return accountId() + ":" + senderId();
	}

}
