package dev.dmbot.server.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.platform.events.EventKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of event survives the stream, and entries written by the previous release,
 * one flat object per event, still decode to the same event with the same seen marker.
 */
class EventCodecTest {

	/**
	 * As the application configures it
	 * ({@code spring.jackson.default-property-inclusion}).
	 */
	static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	final EventCodec codec = new EventCodec(JSON);

	static final Envelope ENVELOPE = new Envelope("17841405822304914", "1254477777772919", 1767225600987L,
			1767225601000L, false, "{\"mid\":\"m1\"}");

	static final Referral AD = new Referral("fall", "ADS", "120250784238480294");

	static final List<Attachment> IMAGE = List.of(new Attachment("image", "https://cdn/a", "179", "New"));

	/** One event of every kind, with every field its kind has. */
	static List<InboundEvent> everyKind() {
		return List.of(new MessageReceived(ENVELOPE, "m1", "Do you ship?", IMAGE, "prev", AD),
				new QuickReplyTapped(ENVELOPE, "m2", "Sizes", "MENU_SIZES", AD),
				new AttachmentReceived(ENVELOPE, "m3", IMAGE, "prev", AD),
				new StoryMentioned(
						ENVELOPE, "m4", "look", List.of(new Attachment("story_mention", "u", null, null)), null),
				new StoryReplied(ENVELOPE, "m5", "How much?", "180", AD),
				new PostbackTapped(ENVELOPE, "m6", "Get my coupon", "ICEBREAKER_COUPON",
						new Referral("summer-qr", "SHORTLINK", null)),
				new ReferralReceived(ENVELOPE, new Referral("newsletter", "SHORTLINK", null)),
				new EchoSent(ENVELOPE, "m7", "We ship on Mondays.", IMAGE), new MessageDeleted(ENVELOPE, "m8"),
				new UnsupportedReceived(ENVELOPE, "m9"), new MessageEdited(ENVELOPE, "m10", "Yes please"),
				new ReactionAdded(ENVELOPE, "m11", "\u2764\ufe0f"), new ReactionRemoved(ENVELOPE, "m12", "love"),
				new MessagesRead(ENVELOPE, "m13"), new ThreadPassed(ENVELOPE, "2", "from the inbox"),
				new ThreadTaken(ENVELOPE, "1217981644879628", null), new ThreadRequested(ENVELOPE, "3", "please"),
				new CommentReceived(ENVELOPE, "182", "PRICE", "ana.costa", "180", "181"),
				new MentionReceived(new Envelope("17841405822304914", "", 1767225600000L, 1767225601000L, false, "{}"),
						"178", "179"),
				new UnknownReceived(ENVELOPE.withSender(""), null));
	}

	@Test
	void everyKindOfEventSurvivesTheStream() {
		List<InboundEvent> events = everyKind();
		assertThat(events).extracting(InboundEvent::kind).containsExactlyInAnyOrder(EventKind.values());
		for (InboundEvent event : events) {
			InboundEvent decoded = this.codec.decode(this.codec.encode(event));
			assertThat(decoded).as(event.kind().name()).isEqualTo(event);
			assertThat(decoded.dedupKey()).isEqualTo(event.dedupKey());
		}
	}

	@Test
	void aStandbyEventKeepsItsChannel() {
		InboundEvent standby = new MessageReceived(
				new Envelope("17841405822304914", "1254477777772919", 1L, 2L, true, null), "s", "Hello?", null, null,
				null);

		assertThat(this.codec.decode(this.codec.encode(standby))).isEqualTo(standby);
		assertThat(standby.dedupKey()).isEqualTo("sb:message:s");
	}

	@Test
	void anEventIsStoredInThePreviousReleasesShape() {
		String encoded = this.codec.encode(new MessageReceived(ENVELOPE, "m1", "Do you ship?", IMAGE, "prev", AD));

		assertThat(JSON.readTree(encoded)).isEqualTo(JSON.readTree("{\"accountId\":\"17841405822304914\","
				+ "\"senderId\":\"1254477777772919\",\"timestamp\":1767225600987,\"receivedAt\":1767225601000,"
				+ "\"kind\":\"MESSAGE\",\"mid\":\"m1\",\"text\":\"Do you ship?\",\"referralRef\":\"fall\","
				+ "\"referralSource\":\"ADS\",\"adId\":\"120250784238480294\",\"attachments\":[{\"type\":\"image\","
				+ "\"url\":\"https://cdn/a\",\"mediaId\":\"179\",\"title\":\"New\"}],\"replyToMid\":\"prev\","
				+ "\"standby\":false,\"raw\":\"{\\\"mid\\\":\\\"m1\\\"}\"}"));
	}

	@Test
	void entriesWrittenByThePreviousReleaseDecodeWithTheSameSeenMarker() {
		// Verbatim shapes the previous release wrote: its flat InboundEvent through the
		// application's mapper.
		InboundEvent message = this.codec.decode("{\"accountId\":\"17841405822304914\",\"senderId\":\"42\","
				+ "\"timestamp\":1767225600000,\"receivedAt\":1767225600005,\"kind\":\"MESSAGE\",\"mid\":\"mid.1\","
				+ "\"text\":\"hi\",\"attachments\":[],\"standby\":false,\"raw\":\"{}\"}");
		assertThat(message).isEqualTo(new MessageReceived(
				new Envelope("17841405822304914", "42", 1767225600000L, 1767225600005L, false, "{}"), "mid.1", "hi",
				List.of(), null, null));
		assertThat(message.dedupKey()).isEqualTo("message:mid.1");
		assertThat(message.conversationId()).isEqualTo("17841405822304914:42");

		PostbackTapped postback = (PostbackTapped) this.codec
			.decode("{\"accountId\":\"1\",\"senderId\":\"42\",\"timestamp\":5,\"receivedAt\":6,\"kind\":\"POSTBACK\","
					+ "\"mid\":\"p\",\"payload\":\"ICEBREAKER_COUPON\",\"title\":\"Get my coupon\","
					+ "\"referralRef\":\"summer-qr\",\"referralSource\":\"SHORTLINK\",\"attachments\":[],"
					+ "\"standby\":true}");
		assertThat(postback.payload()).isEqualTo("ICEBREAKER_COUPON");
		assertThat(postback.title()).isEqualTo("Get my coupon");
		assertThat(postback.referralRef()).isEqualTo("summer-qr");
		assertThat(postback.dedupKey()).isEqualTo("sb:postback:p");

		CommentReceived comment = (CommentReceived) this.codec
			.decode("{\"accountId\":\"1\",\"senderId\":\"742\",\"timestamp\":1767227600000,\"receivedAt\":9,"
					+ "\"kind\":\"COMMENT\",\"text\":\"PRICE\",\"title\":\"ana.costa\",\"attachments\":[],"
					+ "\"replyToMid\":\"181\",\"commentId\":\"182\",\"mediaId\":\"180\",\"standby\":false}");
		assertThat(comment).isEqualTo(new CommentReceived(new Envelope("1", "742", 1767227600000L, 9, false, null),
				"182", "PRICE", "ana.costa", "180", "181"));
		assertThat(comment.dedupKey()).isEqualTo("comment:182");

		ThreadPassed passed = (ThreadPassed) this.codec.decode("{\"accountId\":\"1\",\"senderId\":\"42\","
				+ "\"timestamp\":5,\"receivedAt\":6,\"kind\":\"PASS_THREAD_CONTROL\",\"text\":\"from the inbox\","
				+ "\"title\":\"2\",\"attachments\":[],\"standby\":false}");
		assertThat(passed.appId()).isEqualTo("2");
		assertThat(passed.metadata()).isEqualTo("from the inbox");
		assertThat(passed.dedupKey()).isEqualTo("pass_thread_control:42:5");

		InboundEvent reaction = this.codec.decode("{\"accountId\":\"1\",\"senderId\":\"42\",\"timestamp\":5,"
				+ "\"receivedAt\":6,\"kind\":\"REACTION\",\"mid\":\"m\",\"attachments\":[],\"reaction\":\"love\","
				+ "\"standby\":false}");
		assertThat(reaction).isEqualTo(new ReactionAdded(new Envelope("1", "42", 5, 6, false, null), "m", "love"));
		assertThat(reaction.dedupKey()).isEqualTo("reaction:m:5");

		// The previous release kept a deleted message's text, which no consumer read.
		InboundEvent deleted = this.codec.decode("{\"accountId\":\"1\",\"senderId\":\"42\",\"timestamp\":5,"
				+ "\"receivedAt\":6,\"kind\":\"DELETED\",\"mid\":\"m\",\"text\":\"oops\",\"attachments\":[],"
				+ "\"standby\":false}");
		assertThat(deleted).isEqualTo(new MessageDeleted(new Envelope("1", "42", 5, 6, false, null), "m"));

		InboundEvent mention = this.codec.decode("{\"accountId\":\"1\",\"senderId\":\"\",\"timestamp\":5,"
				+ "\"receivedAt\":6,\"kind\":\"MENTION\",\"attachments\":[],\"mediaId\":\"179\",\"standby\":false}");
		assertThat(mention.dedupKey()).isEqualTo("mention:179:5");

		InboundEvent unknown = this.codec.decode("{\"accountId\":\"1\",\"senderId\":\"\",\"timestamp\":5,"
				+ "\"receivedAt\":6,\"kind\":\"UNKNOWN\",\"attachments\":[],\"standby\":false,"
				+ "\"raw\":\"{\\\"something_new\\\":[]}\"}");
		assertThat(unknown).isInstanceOf(UnknownReceived.class);
		assertThat(unknown.raw()).isEqualTo("{\"something_new\":[]}");
		assertThat(unknown.dedupKey()).isEqualTo("unknown::5");
	}

	@Test
	void everyKindStoredByThePreviousReleaseDecodesToItsRecord() {
		for (EventKind kind : EventKind.values()) {
			InboundEvent event = this.codec
				.decode("{\"accountId\":\"1\",\"senderId\":\"42\",\"timestamp\":5," + "\"receivedAt\":6,\"kind\":\""
						+ kind.name() + "\",\"mid\":\"m\",\"attachments\":[]," + "\"standby\":false}");
			assertThat(event.kind()).isEqualTo(kind);
		}
	}

	@Test
	void anEntryWithoutAKindIsUnreadable() {
		assertThatThrownBy(() -> this.codec.decode("{\"accountId\":\"1\",\"senderId\":\"42\",\"timestamp\":5,"
				+ "\"receivedAt\":6,\"attachments\":[],\"standby\":false}"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no kind");
	}

}
