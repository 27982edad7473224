package dev.dmbot.server.escalationpolicy;

import java.util.Set;

/**
 * What the conversation knows about one inbound message once the bot has decided its
 * answer: everything the conditions of the Escalations sheet look at.
 *
 * @param intent the message's intent, e.g. {@code complaint}; {@code null} or empty when
 * it has none (a button, a story mention)
 * @param text the message's text, {@code null} or empty when it has none
 * @param tags the customer's tags after this message's tags were added
 * @param unknownStreak how many messages in a row, this one included, had the intent
 * {@code unknown}
 * @param flowGaveUp whether a flow ran out of attempts on this message
 * @param leadScore the score of a flow completed on this message, {@code null} when none
 * completed
 * @param repliesEscalate whether the Replies row (or a flow ending) chose to escalate
 */
public record EscalationFacts(String intent, String text, Set<String> tags, long unknownStreak, boolean flowGaveUp,
		Integer leadScore, boolean repliesEscalate) {

	public EscalationFacts {
		intent = (intent != null) ? intent : "";
		text = (text != null) ? text : "";
		tags = (tags != null) ? Set.copyOf(tags) : Set.of();
	}

}
