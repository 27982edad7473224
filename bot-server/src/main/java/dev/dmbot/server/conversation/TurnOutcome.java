package dev.dmbot.server.conversation;

import java.time.Instant;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.workbook.Exposure;

/**
 * All a turn changes, written by {@link TurnCommitter} in one transaction before anything
 * is sent, so a crash never loses a decision or makes the bot decide twice.
 *
 * @param before the context as read, for the flow fields a finished flow leaves behind
 * @param after the context to store; {@code null} leaves it as it is
 * @param inbound the customer's event as the conversation log keeps it
 * @param reply the message decided, {@code null} for none
 * @param trail the reply as the conversation log keeps it
 * @param decided what attribution remembers of the reply, {@code null} for nothing
 * @param guardrail the guardrails' own answer, {@code null} when the rules answered
 * @param outgoing the reply with the guardrails applied, {@code null} for none
 * @param handled whether the event is marked handled now; a turn that sends a reply is
 * marked once it is delivered
 * @param expiriesSetAt when a turn last set the expiries of the person's keys, as read
 * with this one; {@code null} for never, and this turn sets them
 */
record TurnOutcome(InboundEvent event, ConversationContext before, ConversationContext after, LogEntry inbound,
		OutboundMessage reply, LogEntry trail, Attributed decided, Guardrails.Turn guardrail,
		Guardrails.Outgoing outgoing, boolean handled, Instant expiriesSetAt) {

	/**
	 * An event kept in the conversation log and nothing else.
	 * @param after the context it leaves, {@code null} when unchanged
	 * @param handled whether to mark the event handled in the same write
	 * @param expiriesSetAt when a turn last set the expiries of the person's keys
	 */
	static TurnOutcome kept(InboundEvent event, ConversationContext before, ConversationContext after, boolean handled,
			Instant expiriesSetAt) {
		return new TurnOutcome(event, before, after, ContextChanges.inbound(event, null), null, null, null, null, null,
				handled, expiriesSetAt);
	}

	/**
	 * What attribution stores with a decided reply.
	 *
	 * @param rule the row behind the reply, {@code null} for none
	 * @param flow the flow that spoke, {@code null} for none
	 * @param exposure the tested wording in it, {@code null} for none
	 */
	record Attributed(String rule, String flow, Exposure exposure) {
	}

}
