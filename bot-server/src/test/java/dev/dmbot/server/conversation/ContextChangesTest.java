package dev.dmbot.server.conversation;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.nlp.Intent;

import static dev.dmbot.server.conversation.TurnFixtures.NOW;
import static dev.dmbot.server.conversation.TurnFixtures.newContact;
import static dev.dmbot.server.conversation.TurnFixtures.postback;
import static dev.dmbot.server.conversation.TurnFixtures.returning;
import static dev.dmbot.server.conversation.TurnFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;

class ContextChangesTest {

	@Test
	void aFirstMessageMakesTheContactKnownFromItsTime() {
		ConversationContext after = ContextChanges.touched(newContact(), textMessage("hi"), new Intent("greeting", 0.9),
				"greeted", Set.of("new"), false);

		assertThat(after.firstSeen()).isEqualTo(NOW);
		assertThat(after.lastInboundAt()).isEqualTo(NOW);
		assertThat(after.inboundCount()).isEqualTo(1);
		assertThat(after.state()).isEqualTo("greeted");
		assertThat(after.lastIntent()).isEqualTo("greeting");
		assertThat(after.tags()).containsExactly("new");
	}

	@Test
	void unknownMessagesInARowAreCountedUnlessAFlowTookThem() {
		ConversationContext before = returning("", 4, 2);

		assertThat(ContextChanges.touched(before, textMessage("?"), new Intent("unknown", 0.2), null, Set.of(), false)
			.unknownStreak()).isEqualTo(3);
		assertThat(
				ContextChanges.touched(before, textMessage("Porto"), new Intent("unknown", 0.2), null, Set.of(), true)
					.unknownStreak())
			.isZero();
		assertThat(
				ContextChanges.touched(before, textMessage("hours?"), new Intent("hours", 0.8), null, Set.of(), false)
					.unknownStreak())
			.isZero();
	}

	@Test
	void anEventWithNoTextKeepsTheLastIntentAndTheState() {
		ConversationContext after = ContextChanges.touched(returning("asked", 4, 0), postback("Hi", "HI"),
				new Intent(MessageInterpreter.NO_TEXT, 0), null, Set.of(), false);

		assertThat(after.lastIntent()).isEqualTo("greeting");
		assertThat(after.state()).isEqualTo("asked");
		assertThat(after.tags()).containsExactly("vip");
		assertThat(after.attributes()).containsEntry("first_name", "Ana");
	}

	@Test
	void anOlderEventDoesNotMoveTheWindowBack() {
		ConversationContext later = returning("", 1, 0).withLanguage("pt");
		ConversationContext moved = new ConversationContext(later.accountId(), later.senderId(), later.firstSeen(),
				NOW.plusSeconds(60), "", null, 1, 0, Set.of(), later.attributes(), later.flows(), "pt");

		assertThat(ContextChanges.touched(moved, textMessage("hi"), null, null, Set.of(), false).lastInboundAt())
			.isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void theLogKeepsTheTextOrElseThePayload() {
		LogEntry text = ContextChanges.inbound(textMessage("hello"), new Intent("greeting", 0.75));
		LogEntry tap = ContextChanges.inbound(postback("Shipping", "ICEBREAKER_SHIPPING"), null);

		assertThat(text.direction()).isEqualTo("in");
		assertThat(text.text()).isEqualTo("hello");
		assertThat(text.intent()).isEqualTo("greeting");
		assertThat(tap.text()).isEqualTo("ICEBREAKER_SHIPPING");
		assertThat(tap.kind()).isEqualTo("postback");
		assertThat(tap.intent()).isNull();
	}

}
