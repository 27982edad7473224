package dev.dmbot.server.webhook;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.intake.Attachment;
import dev.dmbot.server.platform.events.EventKind;
import dev.dmbot.server.intake.InboundEvent;

/**
 * Reads every event out of a webhook delivery. Meta's shapes vary by API flavour and over
 * time, so the parser is lenient: entries may carry {@code messaging[]},
 * {@code standby[]}, {@code changes[]} or a flat {@code field}/ {@code value}; anything
 * it does not recognise becomes an {@link EventKind#UNKNOWN} event that keeps the raw
 * JSON.
 */
@Component
class WebhookPayloadParser {

	private final JsonMapper json;

	WebhookPayloadParser(JsonMapper json) {
		this.json = json;
	}

	List<InboundEvent> parse(byte[] body, long receivedAt) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedPayloadException("The body is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		// Meta's documentation sometimes wraps a delivery in an array; real deliveries
		// are one object.
		if (root != null && root.isArray() && root.size() == 1) {
			root = root.get(0);
		}
		if (root == null || !root.isObject()) {
			throw new MalformedPayloadException("The body must be a JSON object with an \"entry\" array", null);
		}
		JsonNode entries = root.path("entry");
		if (!entries.isArray()) {
			throw new MalformedPayloadException("The JSON object has no \"entry\" array", null);
		}
		List<InboundEvent> events = new ArrayList<>();
		for (JsonNode entry : entries) {
			String accountId = text(entry.path("id"));
			long entryTime = entry.path("time").asLong(receivedAt);
			boolean known = false;
			for (JsonNode item : entry.path("messaging")) {
				events.add(messaging(accountId, item, false, receivedAt));
				known = true;
			}
			for (JsonNode item : entry.path("standby")) {
				events.add(messaging(accountId, item, true, receivedAt));
				known = true;
			}
			for (JsonNode change : entry.path("changes")) {
				events.add(change(accountId, change, entryTime, receivedAt));
				known = true;
			}
			if (entry.has("field") && entry.has("value")) {
				events.add(change(accountId, entry, entryTime, receivedAt));
				known = true;
			}
			if (!known) {
				events.add(unknown(accountId, "", entryTime, receivedAt, entry));
			}
		}
		return events;
	}

	private InboundEvent messaging(String accountId, JsonNode item, boolean standby, long receivedAt) {
		String sender = text(item.path("sender").path("id"));
		String recipient = text(item.path("recipient").path("id"));
		long timestamp = item.path("timestamp").asLong(receivedAt);
		Builder event = new Builder(accountId, sender, timestamp, receivedAt, standby, item.toString());
		if (item.has("message")) {
			return message(event, item.path("message"), recipient);
		}
		if (item.has("postback")) {
			JsonNode postback = item.path("postback");
			JsonNode referral = postback.path("referral");
			return event.kind(EventKind.POSTBACK)
				.mid(text(postback.path("mid")))
				.title(text(postback.path("title")))
				.payload(text(postback.path("payload")))
				.referral(referral)
				.build();
		}
		if (item.has("referral")) {
			return event.kind(EventKind.REFERRAL).referral(item.path("referral")).build();
		}
		if (item.has("reaction")) {
			JsonNode reaction = item.path("reaction");
			boolean unreact = "unreact".equals(text(reaction.path("action")));
			String emoji = text(reaction.path("emoji"));
			return event.kind(unreact ? EventKind.UNREACTION : EventKind.REACTION)
				.mid(text(reaction.path("mid")))
				.reaction(emoji != null ? emoji : text(reaction.path("reaction")))
				.build();
		}
		if (item.has("read")) {
			return event.kind(EventKind.READ).mid(text(item.path("read").path("mid"))).build();
		}
		if (item.has("message_edit")) {
			JsonNode edit = item.path("message_edit");
			return event.kind(EventKind.EDIT).mid(text(edit.path("mid"))).text(text(edit.path("text"))).build();
		}
		for (String handover : List.of("pass_thread_control", "take_thread_control", "request_thread_control")) {
			if (item.has(handover)) {
				JsonNode control = item.path(handover);
				return event.kind(EventKind.valueOf(handover.toUpperCase(java.util.Locale.ROOT)))
					.title(text(control
						.path(handover.startsWith("request") ? "requested_owner_app_id" : "new_owner_app_id")))
					.text(text(control.path("metadata")))
					.build();
			}
		}
		return event.kind(EventKind.UNKNOWN).build();
	}

	private InboundEvent message(Builder event, JsonNode message, String recipient) {
		List<Attachment> attachments = attachments(message.path("attachments"));
		event.mid(text(message.path("mid")))
			.text(text(message.path("text")))
			.attachments(attachments)
			.replyToMid(text(message.path("reply_to").path("mid")))
			.referral(message.path("referral"));
		if (message.path("is_echo").asBoolean(false)) {
			// An echo is the business writing to the customer: the conversation is the
			// recipient's.
			return event.sender(recipient).kind(EventKind.ECHO).build();
		}
		if (message.path("is_deleted").asBoolean(false)) {
			return event.kind(EventKind.DELETED).build();
		}
		if (message.path("is_unsupported").asBoolean(false)) {
			return event.kind(EventKind.UNSUPPORTED).build();
		}
		if (message.has("quick_reply")) {
			return event.kind(EventKind.QUICK_REPLY).payload(text(message.path("quick_reply").path("payload"))).build();
		}
		JsonNode story = message.path("reply_to").path("story");
		if (story.isObject()) {
			return event.kind(EventKind.STORY_REPLY).storyId(text(story.path("id"))).build();
		}
		if (attachments.stream().anyMatch(attachment -> "story_mention".equals(attachment.type()))) {
			return event.kind(EventKind.STORY_MENTION).build();
		}
		if (message.hasNonNull("text")) {
			return event.kind(EventKind.MESSAGE).build();
		}
		if (!attachments.isEmpty()) {
			return event.kind(EventKind.ATTACHMENT).build();
		}
		return event.kind(EventKind.UNKNOWN).build();
	}

	private List<Attachment> attachments(JsonNode array) {
		List<Attachment> attachments = new ArrayList<>();
		for (JsonNode attachment : array) {
			JsonNode payload = attachment.path("payload");
			String url = text(payload.path("url"));
			if (url == null) {
				url = text(payload.path("story_media_url"));
			}
			String mediaId = firstText(payload, "ig_post_media_id", "reel_video_id", "story_media_id", "id");
			attachments.add(new Attachment(text(attachment.path("type")), url, mediaId, firstText(payload, "title")));
		}
		return attachments;
	}

	private InboundEvent change(String accountId, JsonNode change, long entryTime, long receivedAt) {
		String field = text(change.path("field"));
		JsonNode value = change.path("value");
		// Comment and mention entries carry their time in seconds, messaging ones in
		// milliseconds.
		long timestamp = entryTime < 100_000_000_000L ? entryTime * 1000 : entryTime;
		if ("comments".equals(field) || "live_comments".equals(field)) {
			String commentId = firstText(value, "id", "comment_id");
			Builder event = new Builder(accountId, text(value.path("from").path("id")), timestamp, receivedAt, false,
					change.toString());
			return event.kind(EventKind.COMMENT)
				.commentId(commentId)
				.text(text(value.path("text")))
				.title(text(value.path("from").path("username")))
				.mediaId(text(value.path("media").path("id")))
				.replyToMid(text(value.path("parent_id")))
				.build();
		}
		if ("mentions".equals(field)) {
			Builder event = new Builder(accountId, "", timestamp, receivedAt, false, change.toString());
			return event.kind(EventKind.MENTION)
				.commentId(text(value.path("comment_id")))
				.mediaId(text(value.path("media_id")))
				.build();
		}
		return unknown(accountId, "", timestamp, receivedAt, change);
	}

	private InboundEvent unknown(String accountId, String sender, long timestamp, long receivedAt, JsonNode raw) {
		return new Builder(accountId, sender, timestamp, receivedAt, false, raw.toString()).kind(EventKind.UNKNOWN)
			.build();
	}

	private static String firstText(JsonNode node, String... names) {
		for (String name : names) {
			String value = text(node.path(name));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** Ids arrive as strings or numbers; both are read as strings. */
	private static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
			return null;
		}
		return node.asString();
	}

	/** Collects the fields of one event; most kinds use only a few. */
	private static final class Builder {

		private final String accountId;

		private String sender;

		private final long timestamp;

		private final long receivedAt;

		private final boolean standby;

		private final String raw;

		private EventKind kind = EventKind.UNKNOWN;

		private String mid;

		private String text;

		private String payload;

		private String title;

		private String referralRef;

		private String referralSource;

		private String adId;

		private List<Attachment> attachments = List.of();

		private String replyToMid;

		private String storyId;

		private String commentId;

		private String mediaId;

		private String reaction;

		Builder(String accountId, String sender, long timestamp, long receivedAt, boolean standby, String raw) {
			this.accountId = accountId == null ? "" : accountId;
			this.sender = sender == null ? "" : sender;
			this.timestamp = timestamp;
			this.receivedAt = receivedAt;
			this.standby = standby;
			this.raw = raw;
		}

		Builder sender(String sender) {
			this.sender = sender == null ? "" : sender;
			return this;
		}

		Builder kind(EventKind kind) {
			this.kind = kind;
			return this;
		}

		Builder mid(String mid) {
			this.mid = mid;
			return this;
		}

		Builder text(String text) {
			this.text = text;
			return this;
		}

		Builder payload(String payload) {
			this.payload = payload;
			return this;
		}

		Builder title(String title) {
			this.title = title;
			return this;
		}

		Builder referral(JsonNode referral) {
			if (referral.isObject()) {
				this.referralRef = WebhookPayloadParser.text(referral.path("ref"));
				this.referralSource = WebhookPayloadParser.text(referral.path("source"));
				this.adId = WebhookPayloadParser.text(referral.path("ad_id"));
			}
			return this;
		}

		Builder attachments(List<Attachment> attachments) {
			this.attachments = attachments;
			return this;
		}

		Builder replyToMid(String replyToMid) {
			this.replyToMid = replyToMid;
			return this;
		}

		Builder storyId(String storyId) {
			this.storyId = storyId;
			return this;
		}

		Builder commentId(String commentId) {
			this.commentId = commentId;
			return this;
		}

		Builder mediaId(String mediaId) {
			this.mediaId = mediaId;
			return this;
		}

		Builder reaction(String reaction) {
			this.reaction = reaction;
			return this;
		}

		InboundEvent build() {
			return new InboundEvent(this.accountId, this.sender, this.timestamp, this.receivedAt, this.kind, this.mid,
					this.text, this.payload, this.title, this.referralRef, this.referralSource, this.adId,
					this.attachments, this.replyToMid, this.storyId, this.commentId, this.mediaId, this.reaction,
					this.standby, this.raw);
		}

	}

}
