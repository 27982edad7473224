package dev.dmbot.server.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.outbound.QuickReplyOption;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.flows.Response;

/**
 * The compose step of a turn: fills the decided reply's variables, applies the guardrails
 * (the daily cap, the disclosure line) and writes the trail the conversation log keeps
 * with it, and the follow-up to schedule.
 */
@Component
class ReplyComposer {

	private final Guardrails guardrails;

	ReplyComposer(Guardrails guardrails) {
		this.guardrails = guardrails;
	}

	ComposedReply compose(InboundEvent event, Understanding understood, TurnDecision decision, Guardrails.Marks marks) {
		if (!decision.hasReply()) {
			return ComposedReply.NOTHING;
		}
		String text = decision.replyFilled() ? decision.replyTemplate()
				: decision.variables().render(decision.replyTemplate());
		Guardrails.Outgoing outgoing = this.guardrails.prepare(event.accountId(), text, !decision.guarded(),
				understood.language().code(), marks);
		if (!outgoing.sends()) {
			return new ComposedReply(outgoing, null, null, null, null, null);
		}
		ConversationContext after = decision.after();
		Intent intent = understood.intent();
		List<QuickReplyOption> quickReplies = decision.buttons()
			.stream()
			.map(option -> new QuickReplyOption(option.title(), option.payload()))
			.toList();
		OutboundMessage reply = new OutboundMessage(event.accountId(), event.senderId(), outgoing.text(), quickReplies,
				after.lastInboundAt(), Instant.ofEpochMilli(event.receivedAt()), event.dedupKey());
		if (decision.guarded()) {
			LogEntry trail = new LogEntry("out", "reply", outgoing.text(), List.of(), intent.name(),
					intent.confidence(), List.of(), after.state(), false, "pending", null, event.dedupKey(),
					Map.of("event", event.kind().ruleName(), "intent", intent.name(), "guardrail",
							decision.guardrail().action().tag()));
			return new ComposedReply(outgoing, reply, trail, null, null, null);
		}
		Exposure exposure = ReplyFacts.exposure(decision.response(), decision.handed());
		LogEntry trail = new LogEntry("out", "reply", outgoing.text(),
				quickReplies.stream().map(option -> new LogEntry.QuickReply(option.title(), option.payload())).toList(),
				intent.name(), intent.confidence(), decision.rows(), after.state(), decision.handed() != null,
				"pending", null, event.dedupKey(), ReplyFacts.of(decision.request(), understood.language(),
						decision.response(), decision.lead(), decision.handed()));
		Response response = decision.response();
		// A person who takes the conversation over needs no follow-up from the bot.
		boolean followsUp = response.followUp() != null && decision.handed() == null;
		return new ComposedReply(outgoing, reply, trail, exposure,
				followsUp ? decision.variables().render(response.followUp().text()) : null,
				followsUp ? response.followUp().delay() : null);
	}

}
