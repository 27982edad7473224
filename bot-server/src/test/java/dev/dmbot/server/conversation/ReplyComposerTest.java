package dev.dmbot.server.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.FollowUp;
import dev.dmbot.server.workbook.QuickReply;
import dev.dmbot.server.flows.Response;

import static dev.dmbot.server.conversation.TurnFixtures.guardrails;
import static dev.dmbot.server.conversation.TurnFixtures.marks;
import static dev.dmbot.server.conversation.TurnFixtures.returning;
import static dev.dmbot.server.conversation.TurnFixtures.textMessage;
import static dev.dmbot.server.conversation.TurnFixtures.understood;
import static org.assertj.core.api.Assertions.assertThat;

class ReplyComposerTest {

	private final ReplyComposer composer = new ReplyComposer(guardrails());

	private final InboundEvent event = textMessage("how much is shipping to Porto?");

	private final ConversationContext context = returning("", 3, 0);

	@Test
	void aDecidedReplyIsFilledInWithItsButtonsTrailAndFollowUp() {
		Response response = new Response("Hi {{first_name}}, shipping to Porto is free",
				List.of(new QuickReply("Track", "TRACK")), "", Set.of(), false,
				List.of(new FiredRow("lumen-oak.xlsx", "Replies", 12)), FlowMemory.EMPTY, null, null,
				new FollowUp(Duration.ofHours(2), "Anything else, {{first_name}}?"));
		TurnDecision decision = rulesDecision(response);

		ComposedReply composed = this.composer.compose(this.event, understood(this.context, "shipping"), decision,
				marks(0, true));

		assertThat(composed.reply().text()).isEqualTo("Hi Ana, shipping to Porto is free");
		assertThat(composed.reply().quickReplies()).hasSize(1);
		assertThat(composed.reply().reference()).isEqualTo(this.event.dedupKey());
		assertThat(composed.trail().outcome()).isEqualTo("pending");
		assertThat(composed.trail().rules()).containsExactly("lumen-oak.xlsx › Replies › row 12");
		assertThat(composed.trail().facts()).containsEntry("intent", "shipping").containsEntry("messages", "4");
		assertThat(composed.followUp()).isEqualTo("Anything else, Ana?");
		assertThat(composed.followUpDelay()).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aReplyOverTheDailyCapIsDroppedAndSaysSo() {
		Response response = new Response("Hello", List.of(), "", Set.of(), false, List.of(), FlowMemory.EMPTY, null,
				null, new FollowUp(Duration.ofHours(2), "Still there?"));

		ComposedReply composed = this.composer.compose(this.event, understood(this.context, "greeting"),
				rulesDecision(response), marks(3, true));

		assertThat(composed.capped()).isTrue();
		assertThat(composed.reply()).isNull();
		assertThat(composed.followUp()).isNull();
		assertThat(composed.outgoing().countedOn()).isNotNull();
	}

	@Test
	void aGuardrailConfirmationCarriesItsActionAndNoFollowUp() {
		ConversationContext after = ContextChanges.touched(this.context, this.event, null, null, Set.of(), false);
		TurnDecision decision = new TurnDecision(this.context, after,
				new Guardrails.Turn(Guardrails.Action.OPTED_OUT, "Done, {{first_name}}. No more messages."), null, null,
				null, null, null, "Done, {{first_name}}. No more messages.", false, List.of(), List.of(),
				new TemplateVariables(after.attributes(), Map.of(), "", "unknown", null, ExtractedEntities.none()));

		ComposedReply composed = this.composer.compose(this.event, understood(this.context, "unknown"), decision,
				marks(3, true));

		assertThat(composed.reply().text()).isEqualTo("Done, Ana. No more messages.");
		assertThat(composed.trail().facts()).containsEntry("guardrail", "opted_out");
		assertThat(composed.outgoing().countedOn()).isNull();
		assertThat(composed.followUp()).isNull();
	}

	@Test
	void noReplyComposesNothing() {
		Response silent = new Response(null, List.of(), "", Set.of(), false, List.of(), FlowMemory.EMPTY, null, null);

		assertThat(this.composer.compose(this.event, understood(this.context, "thanks"), rulesDecision(silent),
				marks(0, false)))
			.isSameAs(ComposedReply.NOTHING);
	}

	private TurnDecision rulesDecision(Response response) {
		ConversationContext after = ContextChanges.touched(this.context, this.event, null, response.nextState(),
				response.addTags(), false);
		DecisionRequest request = new DecisionRequest("message", "shipping", 0.93, this.event.text(), null, null,
				this.context.state(), this.context.tags(), this.context.inboundCount() + 1, this.context.attributes(),
				null, "en", ExtractedEntities.none());
		return new TurnDecision(this.context, after, null, response, request, null, null, null, response.reply(), false,
				response.quickReplies(), response.firedRows().stream().map(FiredRow::toString).toList(),
				TemplateVariables.of(after, "shipping", "en", ExtractedEntities.none()));
	}

}
