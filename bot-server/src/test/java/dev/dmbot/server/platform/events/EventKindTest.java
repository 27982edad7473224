package dev.dmbot.server.platform.events;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one list of event types, and the names the workbook and its Tests sheet take from
 * it.
 */
class EventKindTest {

	@Test
	void theWorkbookAcceptsTheCustomersEventsAndComments() {
		assertThat(EventKind.workbookNames()).containsExactly("message", "quick_reply", "postback", "referral",
				"story_mention", "story_reply", "attachment", "comment");
	}

	@Test
	void aTestTurnSendsWhatTheConversationAnswersAutomatically() {
		assertThat(EventKind.testNames()).containsExactly("message", "quick_reply", "postback", "referral",
				"story_mention", "story_reply", "attachment");
		assertThat(Arrays.stream(EventKind.values()).filter(EventKind::inTests)).allMatch(EventKind::opensWindow)
			.allMatch(EventKind::inWorkbook);
	}

	@Test
	void theCustomersOwnEventsOpenTheWindow() {
		assertThat(Arrays.stream(EventKind.values()).filter(EventKind::opensWindow)).containsExactlyInAnyOrder(
				EventKind.MESSAGE, EventKind.QUICK_REPLY, EventKind.ATTACHMENT, EventKind.STORY_MENTION,
				EventKind.STORY_REPLY, EventKind.POSTBACK, EventKind.REFERRAL);
	}

	@Test
	void aRuleNameIsTheLowerCaseConstantAndReadsBackWhateverItsCase() {
		for (EventKind kind : EventKind.values()) {
			assertThat(EventKind.fromRuleName(kind.ruleName())).contains(kind);
			assertThat(EventKind.fromRuleName(kind.name())).contains(kind);
		}
		assertThat(EventKind.STORY_MENTION.ruleName()).isEqualTo("story_mention");
		assertThat(EventKind.fromRuleName("telepathy")).isEmpty();
		assertThat(EventKind.fromRuleName(" message")).isEmpty();
		assertThat(EventKind.fromRuleName(null)).isEmpty();
	}

}
