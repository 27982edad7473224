package dev.dmbot.server.workbook;

import java.util.Map;
import java.util.Set;

/**
 * One row of a {@code Tests} sheet: an event a customer sends, what they bring to it, and
 * what the bot must make of it. Expectations are {@code null} when their cell is blank.
 *
 * @param workbook the workbook's file name
 * @param sheet the sheet's name
 * @param row the 1-based row as Excel shows it
 * @param conversation the conversation's name, {@code ""} for a turn on its own
 * @param state the state before the turn, {@code ""} for none, {@code null} to carry over
 * the state the previous turn left
 * @param tags tags the customer has before the turn, on top of those carried over
 * @param attributes attributes such as {@code first_name}, on top of those carried over
 * @param event the event type as the decision tables write it
 * @param text what the customer writes, {@code null} for none
 * @param payload the quick-reply or postback payload, or the referral ref
 * @param intent the intent the model must find
 * @param replyContains text the reply must contain, {@link #NO_REPLY} for no reply
 * @param nextState the state after the turn, {@code ""} for none
 * @param escalate {@code yes} or {@code no}, normalised
 */
public record TestTurn(String workbook, String sheet, int row, String conversation, String state, Set<String> tags,
		Map<String, String> attributes, String event, String text, String payload, Expected intent,
		Expected replyContains, Expected nextState, Expected escalate) {

	/** What an analyst writes in the reply column when the bot must stay silent. */
	public static final String NO_REPLY = "(none)";

	public TestTurn {
		tags = Set.copyOf(tags);
		attributes = Map.copyOf(attributes);
	}

	/** Whether this turn continues the conversation of {@code previous}. */
	public boolean continues(TestTurn previous) {
		return previous != null && !this.conversation.isEmpty() && this.workbook.equals(previous.workbook)
				&& this.conversation.equals(previous.conversation);
	}

	/**
	 * An expectation and the cell it came from.
	 *
	 * @param value the expected value
	 * @param column the column letter as Excel shows it
	 */
	public record Expected(String value, String column) {
	}

}
