package dev.dmbot.server.webhook;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.intake.AttachmentReceived;
import dev.dmbot.server.intake.Attachment;
import dev.dmbot.server.intake.CommentReceived;
import dev.dmbot.server.intake.EchoSent;
import dev.dmbot.server.intake.Envelope;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.MentionReceived;
import dev.dmbot.server.intake.MessageDeleted;
import dev.dmbot.server.intake.MessageEdited;
import dev.dmbot.server.intake.MessageReceived;
import dev.dmbot.server.intake.MessagesRead;
import dev.dmbot.server.intake.PostbackTapped;
import dev.dmbot.server.intake.QuickReplyTapped;
import dev.dmbot.server.intake.ReactionAdded;
import dev.dmbot.server.intake.ReactionRemoved;
import dev.dmbot.server.intake.Referral;
import dev.dmbot.server.intake.ReferralReceived;
import dev.dmbot.server.intake.StoryMentioned;
import dev.dmbot.server.intake.StoryReplied;
import dev.dmbot.server.intake.ThreadPassed;
import dev.dmbot.server.intake.ThreadRequested;
import dev.dmbot.server.intake.ThreadTaken;
import dev.dmbot.server.intake.UnknownReceived;
import dev.dmbot.server.intake.UnsupportedReceived;

/**
 * Reads every event out of a webhook delivery. Meta's shapes vary by API flavour and over
 * time, so the parser is lenient: entries may carry {@code messaging[]},
 * {@code standby[]}, {@code changes[]} or a flat {@code field}/ {@code value}; anything
 * it does not recognise becomes an {@link UnknownReceived} event that keeps the raw JSON.
 * Each shape becomes the record of its kind in the {@link InboundEvent} family.
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
		Envelope envelope = new Envelope(accountId, sender, timestamp, receivedAt, standby, item.toString());
		if (item.has("message")) {
			return message(envelope, item.path("message"), recipient);
		}
		if (item.has("postback")) {
			JsonNode postback = item.path("postback");
			return new PostbackTapped(envelope, text(postback.path("mid")), text(postback.path("title")),
					text(postback.path("payload")), referral(postback.path("referral")));
		}
		if (item.has("referral")) {
			return new ReferralReceived(envelope, referral(item.path("referral")));
		}
		if (item.has("reaction")) {
			JsonNode reaction = item.path("reaction");
			String mid = text(reaction.path("mid"));
			String emoji = text(reaction.path("emoji"));
			String value = (emoji != null) ? emoji : text(reaction.path("reaction"));
			return "unreact".equals(text(reaction.path("action"))) ? new ReactionRemoved(envelope, mid, value)
					: new ReactionAdded(envelope, mid, value);
		}
		if (item.has("read")) {
			return new MessagesRead(envelope, text(item.path("read").path("mid")));
		}
		if (item.has("message_edit")) {
			JsonNode edit = item.path("message_edit");
			return new MessageEdited(envelope, text(edit.path("mid")), text(edit.path("text")));
		}
		if (item.has("pass_thread_control")) {
			JsonNode control = item.path("pass_thread_control");
			return new ThreadPassed(envelope, text(control.path("new_owner_app_id")), text(control.path("metadata")));
		}
		if (item.has("take_thread_control")) {
			JsonNode control = item.path("take_thread_control");
			return new ThreadTaken(envelope, text(control.path("new_owner_app_id")), text(control.path("metadata")));
		}
		if (item.has("request_thread_control")) {
			JsonNode control = item.path("request_thread_control");
			return new ThreadRequested(envelope, text(control.path("requested_owner_app_id")),
					text(control.path("metadata")));
		}
		return new UnknownReceived(envelope, null);
	}

	private InboundEvent message(Envelope envelope, JsonNode message, String recipient) {
		String mid = text(message.path("mid"));
		String text = text(message.path("text"));
		List<Attachment> attachments = attachments(message.path("attachments"));
		String replyToMid = text(message.path("reply_to").path("mid"));
		Referral referral = referral(message.path("referral"));
		if (message.path("is_echo").asBoolean(false)) {
			// An echo is the business writing to the customer: the conversation is the
			// recipient's.
			return new EchoSent(envelope.withSender(recipient), mid, text, attachments);
		}
		if (message.path("is_deleted").asBoolean(false)) {
			return new MessageDeleted(envelope, mid);
		}
		if (message.path("is_unsupported").asBoolean(false)) {
			return new UnsupportedReceived(envelope, mid);
		}
		if (message.has("quick_reply")) {
			return new QuickReplyTapped(envelope, mid, text, text(message.path("quick_reply").path("payload")),
					referral);
		}
		JsonNode story = message.path("reply_to").path("story");
		if (story.isObject()) {
			return new StoryReplied(envelope, mid, text, text(story.path("id")), referral);
		}
		if (attachments.stream().anyMatch(attachment -> "story_mention".equals(attachment.type()))) {
			return new StoryMentioned(envelope, mid, text, attachments, referral);
		}
		if (message.hasNonNull("text")) {
			return new MessageReceived(envelope, mid, text, attachments, replyToMid, referral);
		}
		if (!attachments.isEmpty()) {
			return new AttachmentReceived(envelope, mid, attachments, replyToMid, referral);
		}
		return new UnknownReceived(envelope, mid);
	}

	private static Referral referral(JsonNode referral) {
		if (!referral.isObject()) {
			return null;
		}
		return Referral.of(text(referral.path("ref")), text(referral.path("source")), text(referral.path("ad_id")));
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
			Envelope envelope = new Envelope(accountId, text(value.path("from").path("id")), timestamp, receivedAt,
					false, change.toString());
			return new CommentReceived(envelope, firstText(value, "id", "comment_id"), text(value.path("text")),
					text(value.path("from").path("username")), text(value.path("media").path("id")),
					text(value.path("parent_id")));
		}
		if ("mentions".equals(field)) {
			Envelope envelope = new Envelope(accountId, "", timestamp, receivedAt, false, change.toString());
			return new MentionReceived(envelope, text(value.path("comment_id")), text(value.path("media_id")));
		}
		return unknown(accountId, "", timestamp, receivedAt, change);
	}

	private InboundEvent unknown(String accountId, String sender, long timestamp, long receivedAt, JsonNode raw) {
		return new UnknownReceived(new Envelope(accountId, sender, timestamp, receivedAt, false, raw.toString()), null);
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

}
