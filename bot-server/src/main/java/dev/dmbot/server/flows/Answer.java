package dev.dmbot.server.flows;

import dev.dmbot.server.entities.ExtractedEntities;

/**
 * A customer's message as a flow sees it.
 *
 * @param text what the customer typed, or the quick reply's title; may be {@code null}
 * @param payload the quick-reply or postback payload, {@code null} for typed text
 * @param answersAnotherQuestion whether the decision tables answer this message with
 * something other than the catch-all: an FAQ asked mid-flow, a story mention, a menu
 * button
 * @param smallTalk whether the message is a greeting, thanks or goodbye rather than an
 * answer, which a free-text question would otherwise take as one ("hi" is no name)
 * @param entities the entities extracted from the message once for the whole turn; the
 * flows take the products named from there
 */
public record Answer(String text, String payload, boolean answersAnotherQuestion, boolean smallTalk,
		ExtractedEntities entities) {

	public Answer {
		entities = (entities != null) ? entities : ExtractedEntities.none();
	}

	/** An answer whose entities were not extracted. */
	public Answer(String text, String payload, boolean answersAnotherQuestion, boolean smallTalk) {
		this(text, payload, answersAnotherQuestion, smallTalk, null);
	}

}
