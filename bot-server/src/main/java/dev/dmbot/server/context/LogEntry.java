package dev.dmbot.server.context;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a conversation's history: what the customer sent, or what the bot answered
 * and why (intent, confidence, the rule rows that fired, the state after, what became of
 * the reply).
 *
 * @param direction {@code in} or {@code out}
 * @param outcome for replies: {@code sent}, {@code window_closed}, {@code dead_lettered}
 * or {@code pending}
 * @param facts for replies: what the decision tables saw (event, intent, state before,
 * tags, payload), so a reply can be explained long after it was sent
 */
public record LogEntry(String direction, String kind, String text, List<QuickReply> quickReplies, String intent,
		double confidence, List<String> rules, String state, boolean escalate, String outcome, Instant at,
		String reference, Map<String, String> facts) {

	public LogEntry {
		quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
		rules = rules == null ? List.of() : List.copyOf(rules);
		facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
	}

	/** The same entry with what became of the reply. */
	public LogEntry withOutcome(String outcome, Instant at, String reference) {
		return new LogEntry(this.direction, this.kind, this.text, this.quickReplies, this.intent, this.confidence,
				this.rules, this.state, this.escalate, outcome, at, reference, this.facts);
	}

	/** A quick-reply button offered with a reply. */
	public record QuickReply(String title, String payload) {
	}

}
