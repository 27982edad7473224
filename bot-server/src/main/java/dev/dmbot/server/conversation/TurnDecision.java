package dev.dmbot.server.conversation;

import java.util.List;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.leads.Lead;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.QuickReply;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.workbook.VariantChoice;

/**
 * What a turn decided: the context it leaves, and the reply to compose, if any. Either
 * the Guardrails sheet answered ({@code guardrail} set, no rule ran) or the rules and
 * flows did ({@code response} set).
 *
 * @param before the context as understood, before the decision
 * @param after the context as the turn leaves it
 * @param replyTemplate the reply, {@code {{variables}}} still to fill unless
 * {@code replyFilled}; {@code null} or blank for none
 * @param replyFilled whether the reply is the handover's words, filled in already for the
 * agent to see them as sent
 * @param rows the rows that fired and the escalation trigger, as the trail shows them
 * @param variables what the reply's variables are filled from
 */
record TurnDecision(ConversationContext before, ConversationContext after, Guardrails.Turn guardrail, Response response,
		DecisionRequest request, Handover.Handed handed, Lead lead, VariantChoice wordings, String replyTemplate,
		boolean replyFilled, List<QuickReply> buttons, List<String> rows, TemplateVariables variables) {

	/** Whether the Guardrails sheet answered the turn instead of the rules. */
	boolean guarded() {
		return this.guardrail != null;
	}

	boolean hasReply() {
		return this.replyTemplate != null && !this.replyTemplate.isBlank();
	}

}
