package dev.dmbot.server.followups;

import java.util.Optional;

/**
 * Who may get a follow-up when it falls due, as the conversation knows it: the guardrails
 * (opt-out, daily cap, disclosure) and the handover to a person. Implemented by the
 * conversation, so that this package needs to know neither.
 */
public interface FollowUpGate {

	/**
	 * Why nothing automated may go to this customer now ({@link FollowUpOutcome#PAUSED}
	 * or {@link FollowUpOutcome#OPTED_OUT}), or empty when a follow-up may go.
	 */
	Optional<FollowUpOutcome> holds(String accountId, String senderId);

	/**
	 * Counts the follow-up towards the customer's daily cap and returns the text to send
	 * (with the disclosure line if they never had one); empty when the cap drops it.
	 */
	Optional<String> admit(String accountId, String senderId, String text);

}
