package dev.dmbot.server.flows;

import java.util.List;
import java.util.Set;

import dev.dmbot.server.flows.Completion;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.FollowUp;
import dev.dmbot.server.workbook.QuickReply;

/**
 * What the bot does about one event once the decision tables and any flow have had their
 * say.
 *
 * @param reply the reply text, {@code {{variables}}} not yet rendered; {@code null} for
 * no reply
 * @param quickReplies buttons under the reply, empty for none
 * @param nextState the conversation state to move to, {@code ""} for none; {@code null}
 * leaves it unchanged
 * @param addTags tags to add to the sender
 * @param escalate whether to hand the conversation to a person
 * @param firedRows the spreadsheet rows behind the reply: decision-table rows and flow
 * steps
 * @param flows the contact's flow memory after this event
 * @param completion the lead a flow completed with this event, {@code null} for none
 * @param flowNote what the flow did, {@code null} when no flow took part
 * @param followUp the message to send later, {@code null} for none
 * @param exposure the wording of an A/B-tested reply in {@code reply}, {@code null} when
 * the reply is not under test
 */
public record Response(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
		boolean escalate, List<FiredRow> firedRows, FlowMemory flows, Completion completion, FlowNote flowNote,
		FollowUp followUp, Exposure exposure) {

	/** A response whose reply is not under test. */
	public Response(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
			boolean escalate, List<FiredRow> firedRows, FlowMemory flows, Completion completion, FlowNote flowNote,
			FollowUp followUp) {
		this(reply, quickReplies, nextState, addTags, escalate, firedRows, flows, completion, flowNote, followUp, null);
	}

	/** A response without a follow-up. */
	public Response(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
			boolean escalate, List<FiredRow> firedRows, FlowMemory flows, Completion completion, FlowNote flowNote) {
		this(reply, quickReplies, nextState, addTags, escalate, firedRows, flows, completion, flowNote, null);
	}

	public Response {
		quickReplies = List.copyOf(quickReplies);
		addTags = Set.copyOf(addTags);
		firedRows = List.copyOf(firedRows);
	}

	/** The same response with the reply's wording chosen for an A/B test. */
	Response exposed(Exposure exposure) {
		return new Response(this.reply, this.quickReplies, this.nextState, this.addTags, this.escalate, this.firedRows,
				this.flows, this.completion, this.flowNote, this.followUp, exposure);
	}

	public boolean hasReply() {
		return this.reply != null && !this.reply.isBlank();
	}

}
