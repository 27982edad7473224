package dev.dmbot.server.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The cell syntax analysts write, and how the fact reads it. */
class CellSyntaxTest {

	@Test
	void quickRepliesAreSplitOnSemicolonsAndLineBreaks() {
		assertThat(CellSyntax.quickReplies("Shipping>ICEBREAKER_SHIPPING;  Talk to a person \n Rugs")).containsExactly(
				new QuickReply("Shipping", "ICEBREAKER_SHIPPING"),
				new QuickReply("Talk to a person", "TALK_TO_A_PERSON"), new QuickReply("Rugs", "RUGS"));
	}

	@Test
	void yesNoAcceptsWhatSpreadsheetsWrite() {
		assertThat(CellSyntax.yesNo("Yes")).isTrue();
		assertThat(CellSyntax.yesNo("TRUE")).isTrue();
		assertThat(CellSyntax.yesNo(" no ")).isFalse();
		assertThat(CellSyntax.yesNo("")).isFalse();
		assertThat(CellSyntax.yesNo("maybe")).isNull();
	}

	@Test
	void keywordsMatchWholeWordsOrTheirStartIgnoringCaseAndAccents() {
		IncomingMessage message = message("Vocês entregam no PÓRTO? Delivery tomorrow?");

		assertThat(message.mentionsAny("porto")).isTrue();
		assertThat(message.mentionsAny("lisboa, deliver")).isTrue();
		assertThat(message.mentionsAny("entrega")).isTrue();
		assertThat(message.mentionsAny("orto, lisboa")).isFalse();
		assertThat(message.mentionsAny("no porto")).isTrue();
	}

	@Test
	void stateNoneMeansNoStateYet() {
		assertThat(message("hi").stateIs("none")).isTrue();
		assertThat(message("hi").stateIs("booking_requested")).isFalse();
	}

	@Test
	void listsMatchAnyOfTheirItems() {
		IncomingMessage message = message("hi");

		assertThat(message.eventIs("story_reply, message")).isTrue();
		assertThat(message.intentIs("GREETING")).isTrue();
		assertThat(message.hasTag("new, VIP")).isTrue();
		assertThat(message.payloadIs("LAMPS")).isFalse();
	}

	private static IncomingMessage message(String text) {
		return new IncomingMessage(
				new DecisionRequest("message", "greeting", 0.95, text, null, null, "", Set.of("vip"), 1, Map.of()));
	}

}
