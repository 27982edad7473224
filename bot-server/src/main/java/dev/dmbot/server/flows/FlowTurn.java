package dev.dmbot.server.flows;

import java.util.List;

/**
 * What a flow does with one message.
 *
 * @param kind what happened
 * @param text the reply, {@code {{variables}}} not yet rendered; for
 * {@link Kind#NOT_AN_ANSWER} the pending question, to follow the answer to what the
 * customer asked
 * @param quickReplies buttons under the reply, empty for none
 * @param memory the contact's flow memory after this message
 * @param completion the lead the flow produced, {@code null} unless
 * {@link Kind#COMPLETED}
 * @param escalate whether to hand the conversation to a person
 */
public record FlowTurn(Kind kind, String text, List<Option> quickReplies, FlowMemory memory, Completion completion,
		boolean escalate) {

	public FlowTurn {
		quickReplies = List.copyOf(quickReplies);
	}

	public enum Kind {

		/** A question was asked: the first, the next, or the pending one again. */
		ASKED,
		/** The answer was not accepted; the question is asked again with the reason. */
		REASKED,
		/** Too many answers were not accepted; a person takes over. */
		GAVE_UP,
		/** The customer left the flow. */
		CANCELLED,
		/** The flow has what it needs. */
		COMPLETED,
		/** The flow completed not long ago, so it was not started again. */
		ALREADY_DONE,
		/**
		 * The message asks something else: answer it with the decision tables, then ask
		 * {@code text} again.
		 */
		NOT_AN_ANSWER

	}

}
