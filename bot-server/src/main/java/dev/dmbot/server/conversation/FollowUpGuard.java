package dev.dmbot.server.conversation;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.dmbot.server.followups.FollowUpGate;
import dev.dmbot.server.followups.FollowUpOutcome;

/**
 * The guardrails and the handover, as follow-ups see them when they fall due: nothing
 * goes to a paused conversation or a customer who opted out, and a follow-up counts
 * towards the daily cap like any automated message.
 */
@Component
class FollowUpGuard implements FollowUpGate {

	private final Guardrails guardrails;

	private final Handover handover;

	FollowUpGuard(Guardrails guardrails, Handover handover) {
		this.guardrails = guardrails;
		this.handover = handover;
	}

	@Override
	public Optional<FollowUpOutcome> holds(String accountId, String senderId) {
		if (this.handover.paused(accountId, senderId)) {
			return Optional.of(FollowUpOutcome.PAUSED);
		}
		if (this.guardrails.optedOut(accountId, senderId)) {
			return Optional.of(FollowUpOutcome.OPTED_OUT);
		}
		return Optional.empty();
	}

	@Override
	public Optional<String> admit(String accountId, String senderId, String text) {
		return Optional.ofNullable(this.guardrails.admit(accountId, senderId, text));
	}

}
