package dev.dmbot.server.rules;

import java.util.List;
import java.util.Set;

/**
 * What the decision tables decided for one event.
 *
 * @param reply the reply text, {@code {{variables}}} not yet rendered; {@code null} for
 * no reply
 * @param quickReplies buttons to offer under the reply, empty for none
 * @param nextState the conversation state to move to; {@code null} leaves it unchanged
 * @param addTags tags to add to the sender
 * @param escalate whether to hand the conversation to a human
 * @param firedRows the spreadsheet rows whose rules fired, in firing order
 * @param startFlow the flow to start, {@code null} for none
 * @param publicReply the public answer under a comment, {@code {{variables}}} not yet
 * rendered; {@code null} for none
 * @param followUp the message to send later, {@code null} for none
 */
public record Decision(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
		boolean escalate, List<FiredRow> firedRows, String startFlow, String publicReply, FollowUp followUp) {

	/** A decision without a follow-up. */
	public Decision(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
			boolean escalate, List<FiredRow> firedRows, String startFlow, String publicReply) {
		this(reply, quickReplies, nextState, addTags, escalate, firedRows, startFlow, publicReply, null);
	}

	/** A decision without a public reply: any event but a comment. */
	public Decision(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
			boolean escalate, List<FiredRow> firedRows, String startFlow) {
		this(reply, quickReplies, nextState, addTags, escalate, firedRows, startFlow, null);
	}

	public Decision {
		quickReplies = List.copyOf(quickReplies);
		addTags = Set.copyOf(addTags);
		firedRows = List.copyOf(firedRows);
	}

	/** The same decision with another reply text: one wording of an A/B-tested reply. */
	Decision withReply(String text) {
		return new Decision(text, this.quickReplies, this.nextState, this.addTags, this.escalate, this.firedRows,
				this.startFlow, this.publicReply, this.followUp);
	}

	public boolean hasReply() {
		return this.reply != null && !this.reply.isBlank();
	}

	public boolean hasPublicReply() {
		return this.publicReply != null && !this.publicReply.isBlank();
	}

}
