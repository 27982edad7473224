package dev.dmbot.server.workbook;

import java.util.List;
import java.util.Map;
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
 * @param replies the reply in other languages, by ISO 639-1 code, from the Reply (pt)
 * columns and the like; as {@code reply}, A/B-tested ones hold all their wordings
 * @param quickRepliesByLanguage the buttons in other languages, with the payloads of
 * {@code quickReplies}
 */
public record Decision(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
		boolean escalate, List<FiredRow> firedRows, String startFlow, String publicReply, FollowUp followUp,
		Map<String, String> replies, Map<String, List<QuickReply>> quickRepliesByLanguage) {

	/** A decision in the fallback language only. */
	public Decision(String reply, List<QuickReply> quickReplies, String nextState, Set<String> addTags,
			boolean escalate, List<FiredRow> firedRows, String startFlow, String publicReply, FollowUp followUp) {
		this(reply, quickReplies, nextState, addTags, escalate, firedRows, startFlow, publicReply, followUp, Map.of(),
				Map.of());
	}

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
		replies = Map.copyOf(replies);
		quickRepliesByLanguage = Map.copyOf(quickRepliesByLanguage);
	}

	/**
	 * The decision for a customer writing in {@code language}: that language's reply and
	 * buttons where the row has them, the fallback language's elsewhere. The reply of an
	 * A/B-tested row still holds every wording.
	 */
	public Decision in(String language) {
		String text = this.replies.get(language);
		List<QuickReply> buttons = this.quickRepliesByLanguage.get(language);
		if ((text == null || text.isBlank()) && buttons == null) {
			return this;
		}
		return new Decision((text != null && !text.isBlank()) ? text : this.reply,
				(buttons != null) ? buttons : this.quickReplies, this.nextState, this.addTags, this.escalate,
				this.firedRows, this.startFlow, this.publicReply, this.followUp, this.replies,
				this.quickRepliesByLanguage);
	}

	/** The same decision with another reply text: one wording of an A/B-tested reply. */
	public Decision withReply(String text) {
		return new Decision(text, this.quickReplies, this.nextState, this.addTags, this.escalate, this.firedRows,
				this.startFlow, this.publicReply, this.followUp, this.replies, this.quickRepliesByLanguage);
	}

	public boolean hasReply() {
		return this.reply != null && !this.reply.isBlank();
	}

	public boolean hasPublicReply() {
		return this.publicReply != null && !this.publicReply.isBlank();
	}

}
