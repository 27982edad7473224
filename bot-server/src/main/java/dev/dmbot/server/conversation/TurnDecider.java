package dev.dmbot.server.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.flows.Completion;
import dev.dmbot.server.flows.Flow;
import dev.dmbot.server.flows.FlowProgress;
import dev.dmbot.server.intake.CustomerMessage;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.leads.Lead;
import dev.dmbot.server.leads.LeadQualified;
import dev.dmbot.server.leads.LeadService;
import dev.dmbot.server.leads.LeadSource;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.workbook.VariantChoice;

/**
 * The decide step of a turn: the guardrails first (an opt-out, an opt-in, silence for a
 * customer who opted out), else the decision tables and flows through the
 * {@link Responder}, then the handover. A flow that completes records its lead here,
 * before the turn is stored: if anything fails later the event is handled again, and the
 * same flow's lead is updated rather than made twice.
 */
@Component
class TurnDecider {

	private final AccountRules rules;

	private final Responder responder;

	private final Guardrails guardrails;

	private final Handover handover;

	private final LeadService leads;

	private final ReplyAttribution attribution;

	private final MeterRegistry meters;

	private final Clock clock;

	TurnDecider(AccountRules rules, Responder responder, Guardrails guardrails, Handover handover, LeadService leads,
			ReplyAttribution attribution, MeterRegistry meters, Clock clock) {
		this.rules = rules;
		this.responder = responder;
		this.guardrails = guardrails;
		this.handover = handover;
		this.leads = leads;
		this.attribution = attribution;
		this.meters = meters;
		this.clock = clock;
	}

	TurnDecision decide(InboundEvent event, TurnSnapshot snapshot, Understanding understood) {
		Intent intent = understood.intent();
		String language = understood.language().code();
		Guardrails.Turn guarded = this.guardrails.screen(event, intent.name(), language, snapshot.guardrails());
		if (guarded != null) {
			return guarded(event, understood, guarded);
		}
		ConversationContext context = understood.context();
		CustomerMessage message = (event instanceof CustomerMessage customer) ? customer : null;
		DecisionRequest request = new DecisionRequest(event.kind().ruleName(), intent.name(), intent.confidence(),
				event.text(), message != null ? message.payload() : null,
				message != null ? message.referralRef() : null, context.state(), context.tags(),
				context.inboundCount() + 1, context.attributes(), message != null ? message.adId() : null, language,
				understood.entities());
		VariantChoice wordings = this.attribution.variantsFor(event.accountId(), event.senderId(), snapshot.touches());
		Instant now = this.clock.instant();
		Response decision = this.responder.respond(this.rules.rulesFor(event.accountId()), request, context.flows(),
				now, wordings);
		count(decision);
		ConversationContext updated = ContextChanges
			.touched(context, event, intent, decision.nextState(), decision.addTags(), decision.flowNote() != null)
			.withFlows(decision.flows());
		Lead lead = recordLead(event, decision);
		TemplateVariables variables = TemplateVariables.of(updated, intent.name(), language, understood.entities());
		Handover.Handed handed = this.handover.handOver(event, updated, intent.name(), decision, now, variables::render)
			.orElse(null);
		if (handed != null) {
			updated = updated.withMoreTags(Set.of(Handover.ESCALATED_TAG, "team_" + handed.team()));
		}
		boolean handoverWords = handed != null && handed.message() != null;
		List<String> rows = new ArrayList<>(decision.firedRows().stream().map(FiredRow::toString).toList());
		if (handed != null && handed.escalation().trigger() != null) {
			rows.add(handed.escalation().trigger());
		}
		return new TurnDecision(context, updated, null, decision, request, handed, lead, wordings,
				handoverWords ? handed.message() : decision.reply(), handoverWords,
				handoverWords ? List.of() : decision.quickReplies(), rows, variables);
	}

	/**
	 * A turn the Guardrails sheet answers instead of the rules: an opt-out or an opt-in,
	 * confirmed once, or silence for a customer who opted out. No rule runs, so nothing
	 * automated follows: no reply, no flow question, no handover message. The message is
	 * still kept in the conversation log.
	 */
	private static TurnDecision guarded(InboundEvent event, Understanding understood, Guardrails.Turn turn) {
		ConversationContext context = understood.context();
		FlowProgress active = context.flows().active();
		boolean leaving = turn.leavesFlow() && active != null;
		ConversationContext updated = ContextChanges.touched(context, event, understood.intent(),
				leaving && context.state().equals(Flow.stateOf(active.flow())) ? "" : null, Set.of(), false);
		if (leaving) {
			updated = updated.withFlows(updated.flows().leave());
		}
		// The confirmation is not in a language of its own: its template is.
		TemplateVariables variables = new TemplateVariables(updated.attributes(), updated.flows().slots(),
				updated.state(), understood.intent().name(), null, ExtractedEntities.none());
		return new TurnDecision(context, updated, turn, null, null, null, null, null, turn.reply(), false, List.of(),
				List.of(), variables);
	}

	private void count(Response decision) {
		if (decision.flowNote() != null) {
			this.meters
				.counter("bot.flows.events", "flow", decision.flowNote().flow(), "outcome",
						decision.flowNote().outcome())
				.increment();
		}
		for (FiredRow row : decision.firedRows()) {
			this.meters.counter("bot.rules.fired", "sheet", row.sheet(), "row", Integer.toString(row.row()))
				.increment();
		}
	}

	private Lead recordLead(InboundEvent event, Response decision) {
		Completion completion = decision.completion();
		if (completion == null || !completion.sendLead()) {
			return null;
		}
		return this.leads.record(new LeadQualified(event.accountId(), event.senderId(), completion.slots(),
				completion.score(), completion.tags(), new LeadSource(completion.flow(), completion.startedBy()),
				Instant.ofEpochMilli(event.timestamp())));
	}

}
