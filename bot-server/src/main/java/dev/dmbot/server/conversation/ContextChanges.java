package dev.dmbot.server.conversation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.CustomerMessage;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.ThreadControlEvent;
import dev.dmbot.server.nlp.Intent;

/**
 * How an event the customer sent changes their context and what the conversation log
 * keeps of it.
 */
final class ContextChanges {

	private ContextChanges() {
	}

	/**
	 * The context after one more message from the customer.
	 * @param intent {@code null} for an event nothing classified
	 * @param nextState the state the rules set, {@code null} to keep it
	 * @param takenByFlow whether a flow took the message: its answers ("Porto", "Ana
	 * Costa") are understood whatever their intent
	 */
	static ConversationContext touched(ConversationContext context, InboundEvent event, Intent intent, String nextState,
			Set<String> addTags, boolean takenByFlow) {
		Instant at = Instant.ofEpochMilli(event.timestamp());
		Instant lastInbound = context.lastInboundAt() == null || at.isAfter(context.lastInboundAt()) ? at
				: context.lastInboundAt();
		Set<String> tags = new LinkedHashSet<>(context.tags());
		tags.addAll(addTags);
		boolean understood = intent == null || !"unknown".equals(intent.name()) || takenByFlow;
		return new ConversationContext(context.accountId(), context.senderId(),
				context.firstSeen() == null ? at : context.firstSeen(), lastInbound,
				nextState == null ? context.state() : nextState,
				intent == null || MessageInterpreter.NO_TEXT.equals(intent.name()) ? context.lastIntent()
						: intent.name(),
				context.inboundCount() + 1, understood ? 0 : context.unknownStreak() + 1, tags, context.attributes(),
				context.flows(), context.language());
	}

	/** The customer's event as the conversation log keeps it. */
	static LogEntry inbound(InboundEvent event, Intent intent) {
		String text = event.text();
		if (text == null && event instanceof CustomerMessage message) {
			text = message.payload() != null ? message.payload() : message.referralRef();
		}
		else if (text == null && event instanceof ThreadControlEvent control) {
			// The log has always shown what the other app sent along with the thread.
			text = control.metadata();
		}
		return new LogEntry("in", event.kind().ruleName(), text, List.of(), intent == null ? null : intent.name(),
				intent == null ? 0 : intent.confidence(), List.of(), null, false, null,
				Instant.ofEpochMilli(event.timestamp()), event.mid(), null);
	}

}
