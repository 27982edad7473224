package dev.dmbot.server.conversation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.dmbot.server.attribution.Touches;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.flows.Flow;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.FlowProgress;
import dev.dmbot.server.intake.InboundEvent;

import static dev.dmbot.server.conversation.TurnFixtures.ACCOUNT;
import static dev.dmbot.server.conversation.TurnFixtures.CLOCK;
import static dev.dmbot.server.conversation.TurnFixtures.NOW;
import static dev.dmbot.server.conversation.TurnFixtures.SENDER;
import static dev.dmbot.server.conversation.TurnFixtures.rulesWithCapAndDisclosure;
import static dev.dmbot.server.conversation.TurnFixtures.guardrails;
import static dev.dmbot.server.conversation.TurnFixtures.marks;
import static dev.dmbot.server.conversation.TurnFixtures.textMessage;
import static dev.dmbot.server.conversation.TurnFixtures.understood;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decide step where the guardrails answer: no rule, flow or handover runs, so none of
 * them is needed here.
 */
class TurnDeciderTest {

	private final TurnDecider decider = new TurnDecider(rulesWithCapAndDisclosure(), null, guardrails(), null, null,
			null, new SimpleMeterRegistry(), CLOCK);

	@Test
	void optingOutLeavesTheFlowAndIsConfirmed() {
		ConversationContext inFlow = new ConversationContext(ACCOUNT, SENDER, NOW.minusSeconds(600),
				NOW.minusSeconds(60), Flow.stateOf("design_project"), "booking", 3, 0, Set.of(), Map.of(),
				new FlowMemory(new FlowProgress("design_project", "budget", 0, NOW.minusSeconds(600),
						NOW.minusSeconds(60), "row 32"), Map.of("project_type", "renovation"), Map.of()),
				"en");
		InboundEvent stop = textMessage("STOP");

		TurnDecision decision = this.decider.decide(stop, snapshot(inFlow, marks(0, true)),
				understood(inFlow, "unknown"));

		assertThat(decision.guarded()).isTrue();
		assertThat(decision.guardrail().action()).isEqualTo(Guardrails.Action.OPTED_OUT);
		assertThat(decision.hasReply()).isTrue();
		assertThat(decision.after().flows().active()).isNull();
		assertThat(decision.after().state()).isEmpty();
		assertThat(decision.after().inboundCount()).isEqualTo(4);
		assertThat(decision.response()).isNull();
		assertThat(decision.variables().language()).isNull();
	}

	@Test
	void aCustomerWhoOptedOutGetsNothingButTheirMessageIsCounted() {
		ConversationContext context = TurnFixtures.returning("", 7, 0);
		Guardrails.Marks optedOut = new Guardrails.Marks(true, 0, marks(0, true).day(), true);

		TurnDecision decision = this.decider.decide(textMessage("what are your opening hours?"),
				snapshot(context, optedOut), understood(context, "hours_location"));

		assertThat(decision.guardrail().action()).isEqualTo(Guardrails.Action.SILENCED);
		assertThat(decision.hasReply()).isFalse();
		assertThat(decision.after().inboundCount()).isEqualTo(8);
		assertThat(decision.after().lastIntent()).isEqualTo("hours_location");
	}

	private static TurnSnapshot snapshot(ConversationContext context, Guardrails.Marks marks) {
		return new TurnSnapshot(false, null, context, null, Touches.NONE, marks, Optional::empty, null);
	}

}
