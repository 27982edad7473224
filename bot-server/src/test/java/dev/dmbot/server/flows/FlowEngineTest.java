package dev.dmbot.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.flows.FlowTurn.Kind;

/**
 * The flow engine on flows built in code: branching, every kind of answer, and what a
 * first message can fill. Conversations through a workbook are in the rules package's
 * {@code FlowConversationTest}.
 */
class FlowEngineTest {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final FlowEngine engine = new FlowEngine(Clock.fixed(NOW, ZoneId.of("Europe/Lisbon")),
			ZoneId.of("Europe/Lisbon"), "PT", "EUR");

	@Test
	void aChoiceBranchesToTheStepItsValueNames() {
		Flow flow = flow(
				step("kind", Expect.CHOICE, options("Sofa>sofa", "Rug>rug"), routes("sofa -> seats; else -> size")),
				step("seats", Expect.NUMBER, List.of(), List.of()), step("size", Expect.TEXT, List.of(), List.of()));

		FlowTurn rug = answer(flow, start(flow).memory(), "a rug please");
		FlowTurn sofa = answer(flow, start(flow).memory(), "sofa");

		assertThat(rug.memory().active().step()).isEqualTo("size");
		assertThat(sofa.memory().active().step()).isEqualTo("seats");
	}

	@Test
	void anAmountBranchesOnAComparisonAndDoneEndsTheFlowEarly() {
		Flow flow = flow(step("budget", Expect.MONEY, List.of(), routes(">= 10000 -> done; else -> why")),
				step("why", Expect.TEXT, List.of(), List.of()));

		FlowTurn big = answer(flow, start(flow).memory(), "about 12k");
		FlowTurn small = answer(flow, start(flow).memory(), "2 500 €");

		assertThat(big.kind()).isEqualTo(Kind.COMPLETED);
		assertThat(big.completion().slots()).containsExactly(Map.entry("budget", "12000 EUR"));
		assertThat(small.kind()).isEqualTo(Kind.ASKED);
		assertThat(small.memory().active().step()).isEqualTo("why");
	}

	@Test
	void aNextCellPointingBackToAnsweredStepsCompletesInsteadOfLooping() {
		Flow flow = flow(step("a", Expect.TEXT, List.of(), List.of()),
				step("b", Expect.TEXT, List.of(), routes("else -> a")));

		FlowTurn first = answer(flow, start(flow).memory(), "x");
		FlowTurn second = answer(flow, first.memory(), "y");

		assertThat(second.kind()).isEqualTo(Kind.COMPLETED);
	}

	@Test
	void aPhoneNumberIsKeptInE164WithTheStepsRegion() {
		FlowStep phone = new FlowStep("phone", "phone", "Your phone?", Expect.PHONE, List.of(), null, null, "ES", null,
				3, List.of(), List.of(), 2);
		Flow flow = flow(phone);

		FlowTurn turn = answer(flow, start(flow).memory(), "612 34 56 78");

		assertThat(turn.completion().slots()).containsEntry("phone", "+34612345678");
	}

	@Test
	void aDateIsKeptAsAnIsoDateAndAPastDateIsAskedAgain() {
		Flow flow = flow(step("day", Expect.DATE, List.of(), List.of()));

		FlowTurn tomorrow = answer(flow, start(flow).memory(), "amanhã");
		FlowTurn past = answer(flow, start(flow).memory(), "01/01/2020");

		assertThat(tomorrow.completion().slots()).containsEntry("day", "2026-11-25");
		assertThat(past.kind()).isEqualTo(Kind.REASKED);
		assertThat(past.text()).startsWith("Sorry, 2020-01-01 is in the past.");
	}

	@Test
	void aNumberOutsideItsRangeIsAskedAgainSayingWhy() {
		FlowStep guests = new FlowStep("guests", "guests", "How many seats?", Expect.NUMBER, List.of(), BigDecimal.ONE,
				BigDecimal.TEN, null, null, 3, List.of(), List.of(), 2);
		Flow flow = flow(guests);

		FlowTurn tooMany = answer(flow, start(flow).memory(), "40 people");

		assertThat(tooMany.kind()).isEqualTo(Kind.REASKED);
		assertThat(tooMany.text()).isEqualTo("Sorry, 40 is above the maximum of 10.\n\nHow many seats?");
		assertThat(tooMany.memory().active().attempts()).isEqualTo(1);
	}

	@Test
	void theFirstMessageFillsEmailPhoneDateAmountAndOptionsButNeverGuessesFreeText() {
		Flow flow = flow(step("kind", Expect.CHOICE, options("Sofa>sofa", "Rug>rug"), List.of()),
				step("name", Expect.TEXT, List.of(), List.of()), step("email", Expect.EMAIL, List.of(), List.of()),
				step("phone", Expect.PHONE, List.of(), List.of()), step("day", Expect.DATE, List.of(), List.of()),
				step("budget", Expect.MONEY, List.of(), List.of()));

		FlowTurn turn = this.engine.start(flow, FlowMemory.EMPTY,
				new Answer("Hi, I'm Rui, I need a rug by next Friday, max 900 euros. rui@sapo.pt or 912 345 678", null,
						false, false),
				NOW, "row 1");

		assertThat(turn.memory().slots()).containsEntry("kind", "rug")
			.containsEntry("email", "rui@sapo.pt")
			.containsEntry("phone", "+351912345678")
			.containsEntry("day", "2026-11-27")
			.containsEntry("budget", "900 EUR")
			.doesNotContainKey("name");
		assertThat(turn.memory().active().step()).isEqualTo("name");
	}

	@Test
	void anAnswerThatAlsoAnswersLaterQuestionsFillsThemToo() {
		Flow flow = flow(step("kind", Expect.CHOICE, options("Sofa>sofa", "Rug>rug"), List.of()),
				step("email", Expect.EMAIL, List.of(), List.of()));

		FlowTurn turn = answer(flow, start(flow).memory(), "a sofa, and my email is ana@sapo.pt");

		assertThat(turn.kind()).isEqualTo(Kind.COMPLETED);
		assertThat(turn.completion().slots()).containsEntry("email", "ana@sapo.pt");
	}

	@Test
	void cancelWordsCountOnlyInShortMessages() {
		Flow flow = flow(step("about", Expect.TEXT, List.of(), List.of()));

		FlowTurn stop = answer(flow, start(flow).memory(), "stop please");
		FlowTurn sentence = answer(flow, start(flow).memory(), "a lamp that I can stop and start from my phone app");

		assertThat(stop.kind()).isEqualTo(Kind.CANCELLED);
		assertThat(sentence.kind()).isEqualTo(Kind.COMPLETED);
	}

	private FlowTurn start(Flow flow) {
		return this.engine.start(flow, FlowMemory.EMPTY, new Answer("start", null, false, false), NOW, "row 1");
	}

	private FlowTurn answer(Flow flow, FlowMemory memory, String text) {
		return this.engine.answer(flow, memory, new Answer(text, null, false, false), NOW.plusSeconds(20));
	}

	private static Flow flow(FlowStep... steps) {
		return new Flow("test", List.of(steps), FlowEnding.defaults("Done."), "shop.xlsx", "Flows");
	}

	private static FlowStep step(String name, Expect expect, List<Option> options, List<Route> next) {
		return new FlowStep(name, name, "What about " + name + "?", expect, options, null, null, null, null, 3, next,
				List.of(), 2);
	}

	private static List<Option> options(String... titleAndValue) {
		return java.util.Arrays.stream(titleAndValue)
			.map((option) -> new Option(option.split(">")[0], option.split(">")[1], List.of()))
			.toList();
	}

	private static List<Route> routes(String cell) {
		return java.util.Arrays.stream(cell.split(";"))
			.map((part) -> new Route(Condition.parse(part.split("->")[0]).orElseThrow(), part.split("->")[1].strip()))
			.toList();
	}

}
