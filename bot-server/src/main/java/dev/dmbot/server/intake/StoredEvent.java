package dev.dmbot.server.intake;

import java.util.List;

import dev.dmbot.server.platform.events.EventKind;

/**
 * An event as the stream stores it: one flat JSON object whose fields are {@code null}
 * (and left out) where the event's kind has none. It is the shape every release has
 * written, kept so that entries already in Redis decode after an upgrade and entries
 * written now decode after a rollback.
 */
record StoredEvent(String accountId, String senderId, long timestamp, long receivedAt, EventKind kind, String mid,
		String text, String payload, String title, String referralRef, String referralSource, String adId,
		List<Attachment> attachments, String replyToMid, String storyId, String commentId, String mediaId,
		String reaction, boolean standby, String raw) {

	StoredEvent {
		attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
	}

	static StoredEvent of(InboundEvent event) {
		Fields fields = new Fields(event);
		if (event instanceof CustomerMessage message && message.referral() != null) {
			fields.referral = message.referral();
		}
		if (event instanceof MessageReceived message) {
			fields.text = message.text();
			fields.attachments = message.attachments();
			fields.replyToMid = message.replyToMid();
		}
		else if (event instanceof QuickReplyTapped tap) {
			fields.text = tap.text();
			fields.payload = tap.payload();
		}
		else if (event instanceof AttachmentReceived media) {
			fields.attachments = media.attachments();
			fields.replyToMid = media.replyToMid();
		}
		else if (event instanceof StoryMentioned mention) {
			fields.text = mention.text();
			fields.attachments = mention.attachments();
		}
		else if (event instanceof StoryReplied reply) {
			fields.text = reply.text();
			fields.storyId = reply.storyId();
		}
		else if (event instanceof PostbackTapped tap) {
			fields.title = tap.title();
			fields.payload = tap.payload();
		}
		else if (event instanceof EchoSent echo) {
			fields.text = echo.text();
			fields.attachments = echo.attachments();
		}
		else if (event instanceof MessageEdited edit) {
			fields.text = edit.text();
		}
		else if (event instanceof ReactionAdded reaction) {
			fields.reaction = reaction.reaction();
		}
		else if (event instanceof ReactionRemoved reaction) {
			fields.reaction = reaction.reaction();
		}
		else if (event instanceof ThreadControlEvent control) {
			// The stored shape has always kept the app in title and the metadata in text.
			fields.title = control.appId();
			fields.text = control.metadata();
		}
		else if (event instanceof CommentReceived comment) {
			fields.commentId = comment.commentId();
			fields.text = comment.text();
			fields.title = comment.username();
			fields.mediaId = comment.mediaId();
			fields.replyToMid = comment.parentId();
		}
		else if (event instanceof MentionReceived mention) {
			fields.commentId = mention.commentId();
			fields.mediaId = mention.mediaId();
		}
		return fields.stored();
	}

	InboundEvent event() {
		if (this.kind == null) {
			throw new IllegalArgumentException("the stored event has no kind");
		}
		Envelope envelope = new Envelope(this.accountId, this.senderId, this.timestamp, this.receivedAt, this.standby,
				this.raw);
		Referral referral = Referral.of(this.referralRef, this.referralSource, this.adId);
		return switch (this.kind) {
			case MESSAGE ->
				new MessageReceived(envelope, this.mid, this.text, this.attachments, this.replyToMid, referral);
			case QUICK_REPLY -> new QuickReplyTapped(envelope, this.mid, this.text, this.payload, referral);
			case ATTACHMENT -> new AttachmentReceived(envelope, this.mid, this.attachments, this.replyToMid, referral);
			case STORY_MENTION -> new StoryMentioned(envelope, this.mid, this.text, this.attachments, referral);
			case STORY_REPLY -> new StoryReplied(envelope, this.mid, this.text, this.storyId, referral);
			case POSTBACK -> new PostbackTapped(envelope, this.mid, this.title, this.payload, referral);
			case REFERRAL -> new ReferralReceived(envelope, referral);
			case ECHO -> new EchoSent(envelope, this.mid, this.text, this.attachments);
			case DELETED -> new MessageDeleted(envelope, this.mid);
			case UNSUPPORTED -> new UnsupportedReceived(envelope, this.mid);
			case EDIT -> new MessageEdited(envelope, this.mid, this.text);
			case REACTION -> new ReactionAdded(envelope, this.mid, this.reaction);
			case UNREACTION -> new ReactionRemoved(envelope, this.mid, this.reaction);
			case READ -> new MessagesRead(envelope, this.mid);
			case PASS_THREAD_CONTROL -> new ThreadPassed(envelope, this.title, this.text);
			case TAKE_THREAD_CONTROL -> new ThreadTaken(envelope, this.title, this.text);
			case REQUEST_THREAD_CONTROL -> new ThreadRequested(envelope, this.title, this.text);
			case COMMENT ->
				new CommentReceived(envelope, this.commentId, this.text, this.title, this.mediaId, this.replyToMid);
			case MENTION -> new MentionReceived(envelope, this.commentId, this.mediaId);
			case UNKNOWN -> new UnknownReceived(envelope, this.mid);
		};
	}

	/** The fields of one event on their way into the flat shape. */
	private static final class Fields {

		private final InboundEvent event;

		private String text;

		private String payload;

		private String title;

		private Referral referral;

		private List<Attachment> attachments = List.of();

		private String replyToMid;

		private String storyId;

		private String commentId;

		private String mediaId;

		private String reaction;

		Fields(InboundEvent event) {
			this.event = event;
		}

		StoredEvent stored() {
			Envelope envelope = this.event.envelope();
			return new StoredEvent(envelope.accountId(), envelope.senderId(), envelope.timestamp(),
					envelope.receivedAt(), this.event.kind(), this.event.mid(), this.text, this.payload, this.title,
					(this.referral != null) ? this.referral.ref() : null,
					(this.referral != null) ? this.referral.source() : null,
					(this.referral != null) ? this.referral.adId() : null, this.attachments, this.replyToMid,
					this.storyId, this.commentId, this.mediaId, this.reaction, envelope.standby(), envelope.raw());
		}

	}

}
