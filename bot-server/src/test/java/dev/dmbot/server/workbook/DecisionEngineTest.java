package dev.dmbot.server.workbook;

import static dev.dmbot.server.workbook.TestWorkbooks.event;
import static dev.dmbot.server.workbook.TestWorkbooks.postback;
import static dev.dmbot.server.workbook.TestWorkbooks.quickReply;
import static dev.dmbot.server.workbook.TestWorkbooks.storyMention;
import static dev.dmbot.server.workbook.TestWorkbooks.textMessage;
import static dev.dmbot.server.workbook.TestWorkbooks.textMessageInState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped Lumen & Oak workbook, compiled for real and asked real questions. */
class DecisionEngineTest {

	private static DecisionEngine engine;

	@BeforeAll
	static void compileShippedWorkbook() {
		engine = TestWorkbooks.engine(TestWorkbooks.shipped());
	}

	@Test
	void shippedWorkbookCompilesAndReportsItsVersion() {
		RulesVersion version = engine.activeVersion();
		assertThat(version.workbooks()).containsExactly("lumen-oak.xlsx");
		assertThat(version.hash()).hasSize(64).matches("[0-9a-f]+");
		assertThat(version.loadedAt()).isEqualTo(TestWorkbooks.CLOCK.instant());
	}

	@Test
	void shippingToPortoPicksThePortoRowOnly() {
		Decision decision = engine.decide(textMessage("shipping", "Do you deliver to Pórto?"));

		assertThat(decision.reply()).contains("same day").contains("Porto");
		assertThat(decision.firedRows()).containsExactly(new FiredRow("lumen-oak.xlsx", "Replies", 23));
		assertThat(decision.firedRows().get(0)).hasToString("lumen-oak.xlsx › Replies › row 23");
	}

	@Test
	void shippingWithoutAPortoKeywordPicksTheGeneralShippingRow() {
		Decision decision = engine.decide(textMessage("shipping", "How long does shipping to Lisbon take?"));

		assertThat(decision.reply()).contains("2–3 working days");
		assertThat(decision.firedRows()).containsExactly(new FiredRow("lumen-oak.xlsx", "Replies", 24));
	}

	@Test
	void keywordsIgnoreCaseAndAccentsAndAnyOfThemMatches() {
		Decision decision = engine.decide(textMessage("shipping", "Entregam em MATOSINHOS?"));

		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(23);
	}

	@Test
	void iceBreakerPostbackIsAnsweredByItsPayloadRow() {
		Decision decision = engine.decide(postback("ICEBREAKER_BOOKING"));

		assertThat(decision.reply()).contains("consultation");
		assertThat(decision.startFlow()).isEqualTo("design_project");
		assertThat(decision.nextState()).isNull();
		assertThat(decision.addTags()).isEmpty();
		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(15);
	}

	@Test
	void quickReplyTapIsAnsweredByItsPayloadRow() {
		Decision decision = engine.decide(quickReply("Order status", "ICEBREAKER_ORDER_STATUS"));

		assertThat(decision.reply()).contains("order number");
		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(14);
	}

	@Test
	void storyMentionIsThanked() {
		Decision decision = engine.decide(storyMention());

		assertThat(decision.reply()).contains("mentioning Lumen & Oak in your story");
		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(19);
	}

	@Test
	void unknownInputFallsBackToTheLastRowWithQuickReplies() {
		Decision decision = engine.decide(textMessage("unknown", "blorp"));

		assertThat(decision.reply()).contains("another way");
		assertThat(decision.quickReplies()).extracting(QuickReply::payload)
			.containsExactly("ICEBREAKER_SHIPPING", "ICEBREAKER_ORDER_STATUS", "ICEBREAKER_BOOKING", "MENU_HUMAN");
		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(43);
	}

	@Test
	void humanAgentAndComplaintEscalate() {
		assertThat(engine.decide(textMessage("human_agent", "can I talk to a person")).escalate()).isTrue();
		assertThat(engine.decide(textMessage("complaint", "my lamp arrived broken")).escalate()).isTrue();
		assertThat(engine.decide(postback("MENU_HUMAN")).escalate()).isTrue();
		assertThat(engine.decide(textMessage("pricing", "how much")).escalate()).isFalse();
	}

	@Test
	void everyIntentHasAReplyOfItsOwnRow() {
		for (String intent : WorkbookValidator.INTENTS) {
			Decision decision = engine.decide(textMessage(intent, "hello"));

			assertThat(decision.hasReply()).as(intent).isTrue();
			assertThat(decision.firedRows()).as(intent).hasSize(1);
			if (!intent.equals("unknown")) {
				assertThat(decision.firedRows().get(0).row()).as(intent + " must not fall back").isLessThan(43);
			}
		}
	}

	@Test
	void everyEventTypeWithoutAnIntentHasAReply() {
		for (String eventType : WorkbookValidator.EVENT_TYPES) {
			assertThat(engine.decide(event(eventType)).hasReply()).as(eventType).isTrue();
		}
	}

	@Test
	void everyQuickReplyOfferedIsAnsweredByAPayloadRow() {
		List<QuickReply> offered = new ArrayList<>();
		for (String intent : WorkbookValidator.INTENTS) {
			offered.addAll(engine.decide(textMessage(intent, "")).quickReplies());
		}
		for (QuickReply button : offered) {
			Decision decision = engine.decide(quickReply(button.title(), button.payload()));
			assertThat(decision.firedRows().get(0).row()).as(button.toString()).isLessThanOrEqualTo(16);
		}
	}

	@Test
	void aBookingAlreadyRequestedIsNotBookedTwice() {
		Decision decision = engine.decide(textMessageInState("booking", "I want to book", "flow:design_project"));

		assertThat(decision.reply()).contains("You're already booking your free consultation");
		assertThat(decision.nextState()).isNull();
		assertThat(decision.startFlow()).isNull();
		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(22);
	}

	@Test
	void aBookingWithoutAFlowRunningStartsTheDesignFlow() {
		Decision decision = engine.decide(textMessage("booking", "I want to book"));

		assertThat(decision.reply()).contains("free 30-minute consultation");
		assertThat(decision.startFlow()).isEqualTo("design_project");
		assertThat(decision.nextState()).isNull();
		assertThat(decision.firedRows()).extracting(FiredRow::row).containsExactly(32);
	}

	@Test
	void replyVariablesAreLeftForTheConversationToRender() {
		assertThat(engine.decide(textMessage("greeting", "hi")).reply()).startsWith("Olá {{first_name|there}}!");
	}

	@Test
	void straightDoubleQuotesTypedByAnAnalystArriveAsTyped() {
		assertThat(engine.decide(textMessage("thanks", "thanks!")).reply()).contains("Just type \"menu\" to see");
	}

	@Test
	void decideIsThreadSafe() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Decision>> futures = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				boolean porto = i % 2 == 0;
				futures.add(pool.submit(() -> engine.decide(textMessage("shipping", porto ? "porto" : "lisbon"))));
			}
			for (int i = 0; i < futures.size(); i++) {
				assertThat(futures.get(i).get().firedRows()).extracting(FiredRow::row)
					.containsExactly((i % 2 == 0) ? 23 : 24);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
