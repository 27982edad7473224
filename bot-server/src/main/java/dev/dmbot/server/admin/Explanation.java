package dev.dmbot.server.admin;

import java.util.List;
import java.util.Map;

import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.QuickReply;

/**
 * Why the bot would answer as it does: the intent found, the facts the rules saw, the
 * rows that fired and what they decided. Nothing is sent.
 *
 * @param rulesVersion the live rules version that decided, {@code null} before Redis was
 * reached
 * @param rulesHash the SHA-256 of the live workbooks
 * @param facts what the decision tables matched against
 * @param rows the spreadsheet rows that fired, e.g.
 * {@code lumen-oak.xlsx › Replies › row 21}
 * @param replyTemplate the reply cell as written
 * @param reply the reply as the customer would read it, variables filled
 * @param flow what a flow did, e.g. {@code design_project: started, asked budget};
 * {@code null} when no flow took part
 * @param slots what the message answered of the flow it started
 * @param experiment the A/B test of the reply, e.g. {@code pricing_wording: wording A
 * shown; customers each stick to one of A, B}; {@code null} when the reply is not under
 * test
 */
record Explanation(Integer rulesVersion, String rulesHash, String intent, double confidence, DecisionRequest facts,
		List<String> rows, String replyTemplate, String reply, List<QuickReply> quickReplies, String nextState,
		List<String> addTags, boolean escalate, String flow, Map<String, String> slots, String experiment) {

}
