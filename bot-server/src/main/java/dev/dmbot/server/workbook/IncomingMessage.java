package dev.dmbot.server.workbook;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dmbot.server.platform.events.EventKind;

/**
 * The fact the decision tables match against: one inbound event seen through questions an
 * analyst can answer with a cell's text.
 * <p>
 * Public only because the rules Drools generates from a workbook call it; the
 * conversation uses {@link DecisionEngine}. Every question takes the cell text as one
 * string, so a cell never holds Java. An empty cell never reaches these methods: Drools
 * leaves the condition out, which means "any".
 */
public final class IncomingMessage {

	private final DecisionRequest request;

	private final String words;

	IncomingMessage(DecisionRequest request) {
		this.request = request;
		this.words = CellSyntax.words(request.text());
	}

	/**
	 * Whether the event type is one of the comma-separated types, e.g.
	 * {@code "message, story_reply"}.
	 */
	public boolean eventIs(String anyOf) {
		// The first message from a click-to-Direct ad is a message that carries the ad's
		// referral: analysts answer ads with "referral" rows, whichever way Meta sends
		// them.
		return isOneOf(this.request.eventType(), anyOf)
				|| this.request.referred() && isOneOf(EventKind.REFERRAL.ruleName(), anyOf);
	}

	/** Whether the intent is one of the comma-separated intents. */
	public boolean intentIs(String anyOf) {
		return isOneOf(this.request.intent(), anyOf);
	}

	/**
	 * Whether the conversation state is one of the comma-separated states; {@code none}
	 * means no state.
	 */
	public boolean stateIs(String anyOf) {
		String state = this.request.state().isEmpty() ? "none" : this.request.state();
		return isOneOf(state, anyOf);
	}

	/**
	 * Whether the quick-reply or postback payload, or the referral ref, is one of the
	 * comma-separated values.
	 */
	public boolean payloadIs(String anyOf) {
		return isOneOf(this.request.payload(), anyOf) || isOneOf(this.request.referralRef(), anyOf)
				|| isOneOf(this.request.adId(), anyOf);
	}

	/** Whether the sender has any of the comma-separated tags. */
	public boolean hasTag(String anyOf) {
		Set<String> tags = this.request.tags();
		return CellSyntax.items(anyOf).stream().anyMatch((tag) -> tags.stream().anyMatch(tag::equalsIgnoreCase));
	}

	/**
	 * Whether the text contains any of the comma-separated keywords as a word or the
	 * start of one, ignoring case and accents: {@code "deliver"} matches "Delivery?",
	 * {@code "porto"} matches "pórto" but not "Oporto".
	 */
	public boolean mentionsAny(String keywords) {
		List<String> wanted = CellSyntax.items(keywords);
		for (String keyword : wanted) {
			String folded = CellSyntax.words(keyword).stripTrailing();
			if (!folded.isBlank() && this.words.contains(folded)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the customer's language is one of the comma-separated ISO 639-1 codes, e.g.
	 * {@code "pt, es"}.
	 */
	public boolean languageIs(String anyOf) {
		return isOneOf(this.request.language(), anyOf);
	}

	/**
	 * Whether the message holds any of the comma-separated entities: {@code email},
	 * {@code phone}, {@code money}, {@code date}, {@code product}, or a product by name
	 * as {@code product: oak side table, sofa}.
	 */
	public boolean hasEntity(String anyOf) {
		for (EntityCondition condition : EntityCondition.parse(anyOf)) {
			if (condition.matches(this.request.entities())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isOneOf(String value, String anyOf) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		String folded = value.toLowerCase(Locale.ROOT);
		return CellSyntax.items(anyOf).stream().anyMatch((item) -> item.toLowerCase(Locale.ROOT).equals(folded));
	}

	@Override
	public String toString() {
		return "IncomingMessage" + this.request;
	}

}
