package dev.dmbot.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.intake.AttachmentReceived;
import dev.dmbot.server.intake.CommentReceived;
import dev.dmbot.server.intake.CustomerMessage;
import dev.dmbot.server.intake.EchoSent;
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
import dev.dmbot.server.intake.ReferralReceived;
import dev.dmbot.server.intake.StoryMentioned;
import dev.dmbot.server.intake.StoryReplied;
import dev.dmbot.server.intake.ThreadPassed;
import dev.dmbot.server.intake.ThreadRequested;
import dev.dmbot.server.intake.ThreadTaken;
import dev.dmbot.server.intake.UnknownReceived;
import dev.dmbot.server.intake.UnsupportedReceived;
import dev.dmbot.server.platform.events.EventKind;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.support.WebhookPayloads.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each signed example under {@code src/test/resources/webhook/}, and each shape without
 * one, parsed into the record of its kind with the fields that kind carries.
 */
class WebhookPayloadParserRecordsTest {

	static final String CUSTOMER = "1254477777772919";

	static final long AT = 1767225600987L;

	final WebhookPayloadParser parser = new WebhookPayloadParser(JsonMapper.builder().build());

	final WebhookPayloads customer = WebhookPayloads.from(CUSTOMER).at(AT);

	@Test
	void aTextMessageIsAMessageReceived() {
		Delivery delivery = this.customer.textMessage("Do you ship to Porto?");
		MessageReceived message = parsed(delivery, MessageReceived.class);

		assertThat(message.text()).isEqualTo("Do you ship to Porto?");
		assertThat(message.mid()).isEqualTo(delivery.mid());
		assertThat(message.accountId()).isEqualTo(WebhookPayloads.ACCOUNT);
		assertThat(message.senderId()).isEqualTo(CUSTOMER);
		assertThat(message.timestamp()).isEqualTo(AT);
		assertThat(message.receivedAt()).isEqualTo(99);
		assertThat(message.standby()).isFalse();
		assertThat(message.referral()).isNull();
		assertThat(message.raw()).contains("Do you ship to Porto?");
		assertThat(message.dedupKey()).isEqualTo("message:" + delivery.mid());
		assertThat(message.conversationId()).isEqualTo(WebhookPayloads.ACCOUNT + ":" + CUSTOMER);
	}

	@Test
	void anAdsFirstMessageCarriesTheAd() {
		MessageReceived message = parsed(this.customer.adMessage("Is this still available?", "120250784238480294"),
				MessageReceived.class);

		assertThat(message.adId()).isEqualTo("120250784238480294");
		assertThat(message.referral().source()).isEqualTo("ADS");
		assertThat(message.referralRef()).isNull();
	}

	@Test
	void aQuickReplyIsAQuickReplyTapped() {
		QuickReplyTapped tap = parsed(this.customer.quickReply("Sizes", "MENU_SIZES"), QuickReplyTapped.class);

		assertThat(tap.text()).isEqualTo("Sizes");
		assertThat(tap.payload()).isEqualTo("MENU_SIZES");
	}

	@Test
	void aPostbackIsAPostbackTappedWhoseTitleIsNotTheCustomersWords() {
		PostbackTapped tap = parsed(this.customer.postback("Do you ship abroad?", "ICEBREAKER_SHIPPING"),
				PostbackTapped.class);

		assertThat(tap.title()).isEqualTo("Do you ship abroad?");
		assertThat(tap.payload()).isEqualTo("ICEBREAKER_SHIPPING");
		assertThat(tap.text()).isNull();
	}

	@Test
	void aStoryMentionIsAStoryMentioned() {
		StoryMentioned mention = parsed(this.customer.storyMention(), StoryMentioned.class);

		assertThat(mention.attachments()).singleElement()
			.satisfies((attachment) -> assertThat(attachment.type()).isEqualTo("story_mention"));
	}

	@Test
	void aStoryReplyIsAStoryReplied() {
		StoryReplied reply = parsed(this.customer.storyReply("How much is the lamp?"), StoryReplied.class);

		assertThat(reply.text()).isEqualTo("How much is the lamp?");
		assertThat(reply.storyId()).isEqualTo("18044444444444444");
	}

	@Test
	void aReferralIsAReferralReceived() {
		ReferralReceived referral = parsed(this.customer.referral("summer-qr"), ReferralReceived.class);

		assertThat(referral.referralRef()).isEqualTo("summer-qr");
		assertThat(referral.referral().source()).isEqualTo("SHORTLINK");
		assertThat(referral.mid()).isNull();
		assertThat(referral.dedupKey()).isEqualTo("referral:" + CUSTOMER + ":" + AT);
	}

	@Test
	void anImageIsAnAttachmentReceived() {
		AttachmentReceived media = parsed(this.customer.image(), AttachmentReceived.class);

		assertThat(media.attachments()).singleElement()
			.satisfies((attachment) -> assertThat(attachment.type()).isEqualTo("image"));
		assertThat(media.text()).isNull();
	}

	@Test
	void anEchoIsAnEchoSentInTheCustomersConversation() {
		EchoSent echo = parsed(this.customer.echo("We ship on Mondays."), EchoSent.class);

		assertThat(echo.senderId()).isEqualTo(CUSTOMER);
		assertThat(echo.text()).isEqualTo("We ship on Mondays.");
	}

	@Test
	void aReadAndAReactionAreAboutAMessage() {
		Delivery read = this.customer.read();
		assertThat(parsed(read, MessagesRead.class).dedupKey()).isEqualTo("read:" + read.mid() + ":" + AT);
		ReactionAdded reaction = parsed(this.customer.reaction(), ReactionAdded.class);
		assertThat(reaction.reaction()).isEqualTo("\u2764\ufe0f");
	}

	@Test
	void aStandbyMessageIsAMessageReceivedOnStandby() {
		Delivery delivery = this.customer.standbyMessage("Hello?");
		MessageReceived message = parsed(delivery, MessageReceived.class);

		assertThat(message.standby()).isTrue();
		assertThat(message.dedupKey()).isEqualTo("sb:message:" + delivery.mid());
	}

	@Test
	void aCommentIsACommentReceivedFromTheCommenter() {
		String body = fixture("comment").replace("{{account}}", WebhookPayloads.ACCOUNT)
			.replace("{{time}}", "1767225600")
			.replace("{{comment}}", "17865799348089039")
			.replace("{{text}}", "PRICE")
			.replace("{{sender}}", CUSTOMER)
			.replace("{{media}}", "18023345678901234");
		CommentReceived comment = single(body, CommentReceived.class);

		assertThat(comment.commentId()).isEqualTo("17865799348089039");
		assertThat(comment.text()).isEqualTo("PRICE");
		assertThat(comment.username()).isEqualTo("ana.costa");
		assertThat(comment.mediaId()).isEqualTo("18023345678901234");
		assertThat(comment.parentId()).isNull();
		assertThat(comment.senderId()).isEqualTo(CUSTOMER);
		assertThat(comment.timestamp()).isEqualTo(1767225600000L);
		assertThat(comment.dedupKey()).isEqualTo("comment:17865799348089039");
	}

	@Test
	void theShapesWithoutAnExampleBecomeTheirRecords() {
		assertThat(single(messaging("\"message\":{\"mid\":\"m\",\"is_deleted\":true}"), MessageDeleted.class).mid())
			.isEqualTo("m");
		assertThat(single(messaging("\"message\":{\"mid\":\"m\",\"is_unsupported\":true}"), UnsupportedReceived.class)
			.mid()).isEqualTo("m");
		MessageEdited edit = single(messaging("\"message_edit\":{\"mid\":\"m\",\"text\":\"Yes please\"}"),
				MessageEdited.class);
		assertThat(edit.text()).isEqualTo("Yes please");
		assertThat(edit.dedupKey()).isEqualTo("edit:m:" + AT);
		assertThat(single(messaging("\"reaction\":{\"mid\":\"m\",\"action\":\"unreact\",\"reaction\":\"love\"}"),
				ReactionRemoved.class)
			.reaction()).isEqualTo("love");
		ThreadPassed passed = single(
				messaging("\"pass_thread_control\":{\"new_owner_app_id\":\"2\",\"metadata\":\"from the inbox\"}"),
				ThreadPassed.class);
		assertThat(passed.appId()).isEqualTo("2");
		assertThat(passed.metadata()).isEqualTo("from the inbox");
		assertThat(single(messaging("\"take_thread_control\":{\"new_owner_app_id\":\"1\"}"), ThreadTaken.class).appId())
			.isEqualTo("1");
		assertThat(single(messaging("\"request_thread_control\":{\"requested_owner_app_id\":\"3\"}"),
				ThreadRequested.class)
			.appId()).isEqualTo("3");
		MentionReceived mention = single(envelope(
				"\"changes\":[{\"field\":\"mentions\",\"value\":{\"comment_id\":\"178\",\"media_id\":\"179\"}}]"),
				MentionReceived.class);
		assertThat(mention.commentId()).isEqualTo("178");
		assertThat(mention.mediaId()).isEqualTo("179");
		assertThat(mention.senderId()).isEmpty();
		assertThat(single(messaging("\"message\":{\"mid\":\"m\"}"), UnknownReceived.class).dedupKey())
			.isEqualTo("unknown:m");
		assertThat(single(messaging("\"messaging_feedback\":{\"rating\":5}"), UnknownReceived.class).mid()).isNull();
	}

	@Test
	void exactlyTheEventsThatOpenTheWindowAreCustomerMessages() {
		List<InboundEvent> events = List.of(parsed(this.customer.textMessage("hi"), InboundEvent.class),
				parsed(this.customer.quickReply("a", "b"), InboundEvent.class),
				parsed(this.customer.postback("a", "b"), InboundEvent.class),
				parsed(this.customer.storyMention(), InboundEvent.class),
				parsed(this.customer.storyReply("a"), InboundEvent.class),
				parsed(this.customer.referral("a"), InboundEvent.class),
				parsed(this.customer.image(), InboundEvent.class), parsed(this.customer.echo("a"), InboundEvent.class),
				parsed(this.customer.read(), InboundEvent.class), parsed(this.customer.reaction(), InboundEvent.class));
		Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
		for (InboundEvent event : events) {
			assertThat(event instanceof CustomerMessage).as(event.kind().name()).isEqualTo(event.kind().opensWindow());
			seen.add(event.kind());
		}
		assertThat(seen).containsAll(EnumSet.of(EventKind.MESSAGE, EventKind.QUICK_REPLY, EventKind.POSTBACK,
				EventKind.STORY_MENTION, EventKind.STORY_REPLY, EventKind.REFERRAL, EventKind.ATTACHMENT));
	}

	private <T extends InboundEvent> T parsed(Delivery delivery, Class<T> type) {
		return single(delivery.json(), type);
	}

	private <T extends InboundEvent> T single(String json, Class<T> type) {
		List<InboundEvent> events = this.parser.parse(json.getBytes(StandardCharsets.UTF_8), 99);
		assertThat(events).singleElement().isInstanceOf(type);
		return type.cast(events.get(0));
	}

	private static String messaging(String item) {
		return envelope("\"messaging\":[{\"sender\":{\"id\":\"" + CUSTOMER + "\"},\"recipient\":{\"id\":\""
				+ WebhookPayloads.ACCOUNT + "\"},\"timestamp\":" + AT + "," + item + "}]");
	}

	private static String envelope(String content) {
		return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + WebhookPayloads.ACCOUNT + "\",\"time\":1767227600,"
				+ content + "}]}";
	}

	private static String fixture(String name) {
		try (InputStream in = WebhookPayloadParserRecordsTest.class.getResourceAsStream("/webhook/" + name + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
