package dev.dmbot.server.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.intake.AttachmentReceived;
import dev.dmbot.server.intake.CommentReceived;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.MessageReceived;
import dev.dmbot.server.intake.PostbackTapped;
import dev.dmbot.server.intake.QuickReplyTapped;
import dev.dmbot.server.intake.ReactionAdded;
import dev.dmbot.server.intake.ReferralReceived;
import dev.dmbot.server.intake.StoryReplied;
import dev.dmbot.server.intake.ThreadTaken;
import dev.dmbot.server.platform.events.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every shape of Meta's notes, section 4, read into the right kind of event. */
class WebhookPayloadParserTest {

	final WebhookPayloadParser parser = new WebhookPayloadParser(JsonMapper.builder().build());

	static final String SENDER = "{\"sender\":{\"id\":\"1254477777772919\"},\"recipient\":{\"id\":\"17841405822304914\"},\"timestamp\":1767225600987,";

	@Test
	void textMessage() {
		InboundEvent event = single(messaging("\"message\":{\"mid\":\"m1\",\"text\":\"Hi! Do you ship to Lisbon?\"}"));
		assertThat(event.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(event.text()).isEqualTo("Hi! Do you ship to Lisbon?");
		assertThat(event.senderId()).isEqualTo("1254477777772919");
		assertThat(event.accountId()).isEqualTo("17841405822304914");
		assertThat(event.timestamp()).isEqualTo(1767225600987L);
		assertThat(event.dedupKey()).isEqualTo("message:m1");
	}

	@Test
	void attachmentsOfEveryListedType() {
		AttachmentReceived event = single(messaging("\"message\":{\"mid\":\"m2\",\"attachments\":["
				+ "{\"type\":\"image\",\"payload\":{\"url\":\"https://cdn/a\"}},{\"type\":\"video\",\"payload\":{\"url\":\"https://cdn/b\"}},"
				+ "{\"type\":\"audio\",\"payload\":{\"url\":\"https://cdn/c\"}},{\"type\":\"file\",\"payload\":{\"url\":\"https://cdn/d\"}},"
				+ "{\"type\":\"ig_post\",\"payload\":{\"url\":\"https://cdn/e\",\"title\":\"New\",\"ig_post_media_id\":\"179\"}},"
				+ "{\"type\":\"ig_reel\",\"payload\":{\"url\":\"https://cdn/f\",\"title\":\"Linen\",\"reel_video_id\":\"180\"}},"
				+ "{\"type\":\"ig_story\",\"payload\":{\"story_media_id\":\"181\",\"story_media_url\":\"https://cdn/g\"}},"
				+ "{\"type\":\"ephemeral\"},{\"type\":\"fallback\",\"title\":\"Legacy\",\"payload\":null}]}"),
				AttachmentReceived.class);
		assertThat(event.kind()).isEqualTo(EventKind.ATTACHMENT);
		assertThat(event.attachments()).extracting("type")
			.containsExactly("image", "video", "audio", "file", "ig_post", "ig_reel", "ig_story", "ephemeral",
					"fallback");
		assertThat(event.attachments().get(4).mediaId()).isEqualTo("179");
		assertThat(event.attachments().get(6).url()).isEqualTo("https://cdn/g");
	}

	@Test
	void storyMentionStoryReplyQuickReplyAndInlineReply() {
		assertThat(single(messaging(
				"\"message\":{\"mid\":\"m\",\"attachments\":[{\"type\":\"story_mention\",\"payload\":{\"url\":\"u\"}}]}"))
			.kind()).isEqualTo(EventKind.STORY_MENTION);
		StoryReplied storyReply = single(messaging(
				"\"message\":{\"mid\":\"m\",\"text\":\"How much?\",\"reply_to\":{\"story\":{\"url\":\"u\",\"id\":\"180\"}}}"),
				StoryReplied.class);
		assertThat(storyReply.kind()).isEqualTo(EventKind.STORY_REPLY);
		assertThat(storyReply.storyId()).isEqualTo("180");
		QuickReplyTapped quickReply = single(
				messaging(
						"\"message\":{\"mid\":\"m\",\"text\":\"Sizes\",\"quick_reply\":{\"payload\":\"MENU_SIZES\"}}"),
				QuickReplyTapped.class);
		assertThat(quickReply.kind()).isEqualTo(EventKind.QUICK_REPLY);
		assertThat(quickReply.payload()).isEqualTo("MENU_SIZES");
		MessageReceived inline = single(
				messaging("\"message\":{\"mid\":\"m\",\"text\":\"Yes\",\"reply_to\":{\"mid\":\"prev\"}}"),
				MessageReceived.class);
		assertThat(inline.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(inline.replyToMid()).isEqualTo("prev");
	}

	@Test
	void echoBelongsToTheCustomersConversation() {
		InboundEvent echo = single(envelope("\"messaging\":[{\"sender\":{\"id\":\"17841405822304914\"},"
				+ "\"recipient\":{\"id\":\"1254477777772919\"},\"timestamp\":1,\"message\":{\"mid\":\"e\",\"text\":\"Yes\",\"is_echo\":true}}]"));
		assertThat(echo.kind()).isEqualTo(EventKind.ECHO);
		assertThat(echo.senderId()).isEqualTo("1254477777772919");
	}

	@Test
	void deletedUnsupportedEditReactionUnreactionAndRead() {
		assertThat(single(messaging("\"message\":{\"mid\":\"m\",\"is_deleted\":true}")).kind())
			.isEqualTo(EventKind.DELETED);
		assertThat(single(messaging("\"message\":{\"mid\":\"m\",\"is_unsupported\":true}")).kind())
			.isEqualTo(EventKind.UNSUPPORTED);
		InboundEvent edit = single(
				messaging("\"message_edit\":{\"mid\":\"m\",\"text\":\"Yes please\",\"num_edit\":1}"));
		assertThat(edit.kind()).isEqualTo(EventKind.EDIT);
		assertThat(edit.text()).isEqualTo("Yes please");
		ReactionAdded reaction = single(messaging(
				"\"reaction\":{\"mid\":\"m\",\"action\":\"react\",\"reaction\":\"love\",\"emoji\":\"\\u2764\\ufe0f\"}"),
				ReactionAdded.class);
		assertThat(reaction.kind()).isEqualTo(EventKind.REACTION);
		assertThat(reaction.reaction()).isEqualTo("\u2764\ufe0f");
		assertThat(single(messaging("\"reaction\":{\"mid\":\"m\",\"action\":\"unreact\"}")).kind())
			.isEqualTo(EventKind.UNREACTION);
		assertThat(single(messaging("\"read\":{\"mid\":\"m\"}")).kind()).isEqualTo(EventKind.READ);
	}

	@Test
	void postbackWithReferralAndReferralsFromLinksAndAds() {
		PostbackTapped postback = single(messaging("\"postback\":{\"mid\":\"p\",\"title\":\"Get my coupon\","
				+ "\"payload\":\"ICEBREAKER_COUPON\",\"referral\":{\"ref\":\"summer-qr\",\"source\":\"SHORTLINK\",\"type\":\"OPEN_THREAD\"}}"),
				PostbackTapped.class);
		assertThat(postback.kind()).isEqualTo(EventKind.POSTBACK);
		assertThat(postback.payload()).isEqualTo("ICEBREAKER_COUPON");
		assertThat(postback.referralRef()).isEqualTo("summer-qr");
		ReferralReceived referral = single(
				messaging("\"referral\":{\"ref\":\"newsletter\",\"source\":\"SHORTLINKS\",\"type\":\"OPEN_THREAD\"}"),
				ReferralReceived.class);
		assertThat(referral.kind()).isEqualTo(EventKind.REFERRAL);
		assertThat(referral.referralRef()).isEqualTo("newsletter");
		MessageReceived ad = single(messaging("\"message\":{\"mid\":\"a\",\"text\":\"Is this still available?\","
				+ "\"referral\":{\"ref\":\"fall\",\"ad_id\":\"120250784238480294\",\"source\":\"ADS\",\"type\":\"OPEN_THREAD\"}}"),
				MessageReceived.class);
		assertThat(ad.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(ad.adId()).isEqualTo("120250784238480294");
	}

	@Test
	void handoverEvents() {
		assertThat(single(messaging(
				"\"pass_thread_control\":{\"previous_owner_app_id\":\"1\",\"new_owner_app_id\":\"2\",\"metadata\":\"x\"}"))
			.kind()).isEqualTo(EventKind.PASS_THREAD_CONTROL);
		assertThat(single(messaging(
				"\"take_thread_control\":{\"previous_owner_app_id\":\"2\",\"new_owner_app_id\":\"1217981644879628\"}"),
				ThreadTaken.class)
			.appId()).isEqualTo("1217981644879628");
		assertThat(single(messaging("\"request_thread_control\":{\"requested_owner_app_id\":\"3\"}")).kind())
			.isEqualTo(EventKind.REQUEST_THREAD_CONTROL);
	}

	@Test
	void standbyEventsAreMarked() {
		InboundEvent event = single(
				envelope("\"standby\":[" + SENDER + "\"message\":{\"mid\":\"s\",\"text\":\"Hello?\"}}]"));
		assertThat(event.standby()).isTrue();
		assertThat(event.kind()).isEqualTo(EventKind.MESSAGE);
		assertThat(event.dedupKey()).startsWith("sb:");
	}

	@Test
	void commentsInChangesAndFlatFormAndMentions() {
		CommentReceived comment = single(
				envelope("\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"182\",\"text\":\"PRICE\","
						+ "\"from\":{\"id\":\"742\",\"username\":\"ana.costa\"},\"media\":{\"id\":\"180\",\"media_product_type\":\"REELS\"}}}]"),
				CommentReceived.class);
		assertThat(comment.kind()).isEqualTo(EventKind.COMMENT);
		assertThat(comment.commentId()).isEqualTo("182");
		assertThat(comment.senderId()).isEqualTo("742");
		assertThat(comment.timestamp()).isEqualTo(1767227600000L);
		CommentReceived flat = single(envelope(
				"\"field\":\"comments\",\"value\":{\"comment_id\":\"183\",\"text\":\"hi\",\"from\":{\"id\":\"9\"}}"),
				CommentReceived.class);
		assertThat(flat.commentId()).isEqualTo("183");
		InboundEvent mention = single(envelope(
				"\"changes\":[{\"field\":\"mentions\",\"value\":{\"comment_id\":\"178\",\"media_id\":\"179\"}}]"));
		assertThat(mention.kind()).isEqualTo(EventKind.MENTION);
	}

	@Test
	void batchedDeliveriesYieldEveryEvent() {
		List<InboundEvent> events = this.parser.parse(bytes("{\"object\":\"instagram\",\"entry\":["
				+ "{\"id\":\"1\",\"time\":1,\"messaging\":[" + SENDER + "\"message\":{\"mid\":\"a\",\"text\":\"x\"}},"
				+ SENDER + "\"read\":{\"mid\":\"a\"}}]}," + "{\"id\":\"1\",\"time\":1,\"messaging\":[" + SENDER
				+ "\"message\":{\"mid\":\"b\",\"text\":\"y\"}}]}]}"), 0);
		assertThat(events).extracting(InboundEvent::mid).containsExactly("a", "a", "b");
	}

	@Test
	void unknownShapesAreKeptWithTheirRawJson() {
		InboundEvent event = single(messaging("\"messaging_feedback\":{\"rating\":5}"));
		assertThat(event.kind()).isEqualTo(EventKind.UNKNOWN);
		assertThat(event.raw()).contains("messaging_feedback");
		assertThat(single(envelope("\"something_new\":[]")).kind()).isEqualTo(EventKind.UNKNOWN);
	}

	@Test
	void malformedBodiesAreRefusedWithAReason() {
		assertThatThrownBy(() -> this.parser.parse(bytes("{\"object\":"), 0))
			.isInstanceOf(MalformedPayloadException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> this.parser.parse(bytes("{\"object\":\"instagram\"}"), 0))
			.hasMessageContaining("\"entry\"");
		assertThatThrownBy(() -> this.parser.parse(bytes("42"), 0)).hasMessageContaining("JSON object");
	}

	private <T extends InboundEvent> T single(String json, Class<T> type) {
		InboundEvent event = single(json);
		assertThat(event).isInstanceOf(type);
		return type.cast(event);
	}

	private InboundEvent single(String json) {
		List<InboundEvent> events = this.parser.parse(bytes(json), 99);
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static String messaging(String item) {
		return envelope("\"messaging\":[" + SENDER + item + "}]");
	}

	private static String envelope(String content) {
		return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841405822304914\",\"time\":1767227600," + content
				+ "}]}";
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
