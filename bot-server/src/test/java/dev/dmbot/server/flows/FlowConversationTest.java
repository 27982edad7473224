package dev.dmbot.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.flows.FlowEngine;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.FlowNote;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.QuickReply;
import dev.dmbot.server.workbook.ReplyTemplate;
import dev.dmbot.server.ShippedSheets;

/**
 * Whole conversations through a flow with the real compiled workbook and the real flow
 * engine; only the intent of each message is given rather than classified.
 */
class FlowConversationTest {

	private static final CompiledRules RULES = ShippedSheets.compile(List.of(FlowWorkbooks.designShop().build()),
			Instant.EPOCH);

	private final Chat chat = new Chat();

	@Test
	void aBookingStartsTheFlowWithTheRowsLeadInAndTheFirstQuestionAsButtons() {
		Response first = this.chat.says("booking", "Can I book a designer?");

		assertThat(this.chat.reply).isEqualTo("Lovely! A few quick questions:\n\nWhat kind of project is it?");
		assertThat(first.quickReplies()).extracting(QuickReply::title)
			.containsExactly("New home", "Renovation", "Single room");
		assertThat(first.quickReplies()).extracting(QuickReply::payload)
			.containsExactly("new home", "renovation", "single room");
		assertThat(this.chat.state).isEqualTo("flow:design_project");
	}

	@Test
	void theHappyPathCompletesWithScoreTagsAndTheSalesEscalationForABigBudget() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.taps("Renovation", "renovation");
		assertThat(this.chat.reply).isEqualTo("What budget do you have in mind?");
		this.chat.says("pricing", "around 15k");
		assertThat(this.chat.reply).isEqualTo("Which city is it in?");
		this.chat.says("unknown", "Porto");
		assertThat(this.chat.reply).isEqualTo("Who should our designer ask for?");
		this.chat.says("unknown", "Ana Costa");
		assertThat(this.chat.reply).isEqualTo("And your email?");
		Response done = this.chat.says("unknown", "ana.costa@gmail.com");

		assertThat(this.chat.reply)
			.isEqualTo("Thank you, Ana Costa! A senior designer will call you within one working day.");
		assertThat(done.escalate()).isTrue();
		assertThat(done.completion().score()).isEqualTo(15 + 100 + 10);
		assertThat(done.completion().slots()).containsExactly(Map.entry("project_type", "renovation"),
				Map.entry("budget", "15000 EUR"), Map.entry("city", "Porto"), Map.entry("name", "Ana Costa"),
				Map.entry("email", "ana.costa@gmail.com"));
		assertThat(done.completion().startedBy()).isEqualTo("shop.xlsx › Replies › row 13");
		assertThat(this.chat.tags).contains("design_lead", "team_sales");
		assertThat(this.chat.state).isEmpty();
		assertThat(this.chat.memory.active()).isNull();
	}

	@Test
	void aSmallBudgetCompletesWithTheSummaryAndNoEscalation() {
		this.chat.says("booking", "book a consultation");
		this.chat.says("unknown", "just a single room");
		this.chat.says("pricing", "€2.500");
		this.chat.taps("Lisbon", "Lisbon");
		this.chat.says("unknown", "Rui");
		Response done = this.chat.says("unknown", "rui@sapo.pt");

		assertThat(this.chat.reply).isEqualTo(
				"Thank you, Rui! A single room project in Lisbon, budget 2500 EUR. Book here: https://example.pt/book");
		assertThat(done.escalate()).isFalse();
		assertThat(done.completion().score()).isEqualTo(5 + 10 + 10);
		assertThat(this.chat.tags).contains("design_lead").doesNotContain("team_sales");
	}

	@Test
	void anInvalidEmailIsAskedAgainWithTheReasonThenAPersonTakesOverAfterTheLastAttempt() {
		this.chat.startAtEmail();
		Response again = this.chat.says("unknown", "ana@gmail.con");

		assertThat(this.chat.reply).startsWith("That email won't work: ").contains("gmail.com");
		assertThat(again.escalate()).isFalse();
		assertThat(this.chat.memory.active().attempts()).isEqualTo(1);
		Response gaveUp = this.chat.says("unknown", "no thanks");

		assertThat(this.chat.reply).isEqualTo("Let me pass you to a teammate who can help.");
		assertThat(gaveUp.escalate()).isTrue();
		assertThat(this.chat.memory.active()).isNull();
		assertThat(this.chat.state).isEmpty();
	}

	@Test
	void aQuestionAskedMidFlowIsAnsweredThenThePendingQuestionIsAskedAgain() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.taps("New home", "new home");
		Response digression = this.chat.says("hours_location", "What time do you open on Saturday?");

		assertThat(this.chat.reply)
			.isEqualTo("We're open Monday to Saturday, 10:00-19:00.\n\nWhat budget do you have in mind?");
		assertThat(digression.flowNote())
			.isEqualTo(new FlowNote("design_project", "digressed", "answered another question, asked budget again"));
		assertThat(this.chat.memory.active().attempts()).isZero();
		this.chat.says("pricing", "20k");
		assertThat(this.chat.reply).isEqualTo("Which city is it in?");
	}

	@Test
	void aFreeTextQuestionDoesNotTakeAnFaqAsItsAnswer() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.taps("New home", "new home");
		this.chat.says("pricing", "20k");
		this.chat.says("unknown", "Porto");
		this.chat.says("hours_location", "are you open on saturdays?");

		assertThat(this.chat.reply)
			.isEqualTo("We're open Monday to Saturday, 10:00-19:00.\n\nWho should our designer ask for?");
		assertThat(this.chat.memory.slots()).doesNotContainKey("name");
	}

	@Test
	void cancelLeavesTheFlowPolitely() {
		this.chat.says("booking", "Can I book a designer?");
		Response cancelled = this.chat.says("unknown", "cancel");

		assertThat(this.chat.reply).isEqualTo("No problem, I've stopped here. Just write if you need anything else.");
		assertThat(cancelled.escalate()).isFalse();
		assertThat(this.chat.state).isEmpty();
		assertThat(this.chat.memory.active()).isNull();
		this.chat.says("hours_location", "when are you open?");
		assertThat(this.chat.reply).isEqualTo("We're open Monday to Saturday, 10:00-19:00.");
	}

	@Test
	void aCustomerBackTheNextDayIsWelcomedBackToThePendingQuestion() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.taps("Renovation", "renovation");
		this.chat.clock = this.chat.clock.plus(Duration.ofDays(1));
		this.chat.says("greeting", "hi again");

		assertThat(this.chat.reply)
			.isEqualTo("Welcome back! Let's pick up where we left off.\n\nWhat budget do you have in mind?");
		this.chat.says("pricing", "about 8000 euros");
		assertThat(this.chat.reply).isEqualTo("Which city is it in?");
	}

	@Test
	void aCustomerBackAfterTheResumePeriodStartsAfresh() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.clock = this.chat.clock.plus(Duration.ofDays(8));
		Response response = this.chat.says("greeting", "hello");

		assertThat(this.chat.reply).isEqualTo("Hello Ana!");
		assertThat(response.flows().active()).isNull();
	}

	@Test
	void slotsInTheFirstMessageAreNotAskedAgain() {
		Response first = this.chat.says("unknown", "I want to renovate my flat in Porto, budget 20k");

		assertThat(this.chat.reply).isEqualTo("Great, let's plan it.\n\nWho should our designer ask for?");
		assertThat(first.flows().slots()).containsEntry("project_type", "renovation")
			.containsEntry("budget", "20000 EUR")
			.containsEntry("city", "Porto");
	}

	@Test
	void aCompletedFlowIsNotStartedAgainByAccident() {
		this.chat.memory = new FlowMemory(null, Map.of("name", "Ana"),
				Map.of("design_project", this.chat.clock.minus(Duration.ofDays(2))));
		this.chat.says("booking", "book a designer");

		assertThat(this.chat.reply).isEqualTo("We already have your details, Ana. Our team will be in touch soon.");
		assertThat(this.chat.memory.active()).isNull();
	}

	@Test
	void aFlowCompletedLongAgoStartsAgainAndAsksItsQuestionsAfresh() {
		this.chat.memory = new FlowMemory(null, Map.of("name", "Ana", "project_type", "new home"),
				Map.of("design_project", this.chat.clock.minus(Duration.ofDays(40))));
		this.chat.says("booking", "book a designer");

		assertThat(this.chat.reply).endsWith("What kind of project is it?");
	}

	@Test
	void anOptOutMidFlowEndsItWithoutAskingAgain() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.says("opt_out", "please don't message me again");

		assertThat(this.chat.reply).isEqualTo("Done, no more messages.");
		assertThat(this.chat.memory.active()).isNull();
	}

	@Test
	void askingForAPersonMidFlowEscalatesAndEndsTheFlow() {
		this.chat.says("booking", "Can I book a designer?");
		Response response = this.chat.says("human_agent", "can I talk to a real person");

		assertThat(this.chat.reply).isEqualTo("A person will reply here shortly.");
		assertThat(response.escalate()).isTrue();
		assertThat(this.chat.memory.active()).isNull();
	}

	@Test
	void slotsShowInRepliesAfterTheFlow() {
		this.chat.startAtEmail();
		this.chat.says("unknown", "ana@gmail.com");
		this.chat.says("thanks", "thank you!");

		assertThat(this.chat.reply).isEqualTo("Thanks Ana Costa, we have ana@gmail.com.");
	}

	@Test
	void aNumberPicksTheOptionOfThatPlace() {
		this.chat.says("booking", "Can I book a designer?");
		this.chat.says("unknown", "2");

		assertThat(this.chat.memory.slots()).containsEntry("project_type", "renovation");
	}

	/**
	 * One customer's side of the conversation, kept between turns as the server keeps it.
	 */
	private static final class Chat {

		private final Responder responder = new Responder(
				new FlowEngine(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC),
						ZoneId.of("Europe/Lisbon"), "PT", "EUR"));

		Instant clock = Instant.parse("2026-11-24T10:00:00Z");

		FlowMemory memory = FlowMemory.EMPTY;

		String state = "";

		final Set<String> tags = new LinkedHashSet<>();

		String reply;

		Response says(String intent, String text) {
			return turn(new DecisionRequest("message", intent, 0.9, text, null, null, this.state, this.tags, 1,
					Map.of("first_name", "Ana")));
		}

		Response taps(String title, String payload) {
			return turn(new DecisionRequest("quick_reply", "unknown", 0.9, title, payload, null, this.state, this.tags,
					1, Map.of("first_name", "Ana")));
		}

		void startAtEmail() {
			says("booking", "Can I book a designer?");
			taps("New home", "new home");
			says("pricing", "20k");
			says("unknown", "Porto");
			says("unknown", "Ana Costa");
		}

		private Response turn(DecisionRequest request) {
			this.clock = this.clock.plusSeconds(30);
			Response response = this.responder.respond(RULES, request, this.memory, this.clock);
			this.memory = response.flows();
			if (response.nextState() != null) {
				this.state = response.nextState();
			}
			this.tags.addAll(response.addTags());
			this.reply = response.hasReply() ? ReplyTemplate.render(response.reply(), Map.of("first_name", "Ana"),
					this.memory.slots(), this.state, request.intent()) : null;
			return response;
		}

	}

}
