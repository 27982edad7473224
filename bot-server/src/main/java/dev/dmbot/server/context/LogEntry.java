package dev.dmbot.server.context;

import java.time.Instant;
import java.util.List;

/**
 * One line of a conversation's history: what the customer sent, or what the bot answered
 * and why (intent, confidence, the rule rows that fired, the state after, what became of
 * the reply).
 *
 * @param direction {@code in} or {@code out}
 * @param outcome for replies: {@code sent}, {@code window_closed}, {@code dead_lettered}
 * or {@code pending}
 */
public record LogEntry(String direction, String kind, String text, List<QuickReply> quickReplies, String intent,
		double confidence, List<String> rules, String state, boolean escalate, String outcome, Instant at,
		String reference) {

	public LogEntry {
		quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
		rules = rules == null ? List.of() : List.copyOf(rules);
	}

	/** A quick-reply button offered with a reply. */
	public record QuickReply(String title, String payload) {
	}

}
