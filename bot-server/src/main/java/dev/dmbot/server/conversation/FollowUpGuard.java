package dev.dmbot.server.conversation;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.accounts.AccountSettings;
import dev.dmbot.server.followups.FollowUpGate;
import dev.dmbot.server.followups.FollowUpOutcome;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.guardrails.GuardrailKeys;

/**
 * The guardrails and the handover, as follow-ups see them when they fall due: nothing
 * goes to a paused conversation or a customer who opted out, and a follow-up counts
 * towards the daily cap like any automated message. A follow-up is no turn: it reads and
 * writes the guardrails' keys ({@link Guardrails}) on its own.
 */
@Component
class FollowUpGuard implements FollowUpGate {

	private final Guardrails guardrails;

	private final Handover handover;

	private final UnifiedJedis redis;

	private final AccountRules rules;

	private final Clock clock;

	FollowUpGuard(Guardrails guardrails, Handover handover, UnifiedJedis redis, AccountRules rules, Clock clock) {
		this.guardrails = guardrails;
		this.handover = handover;
		this.redis = redis;
		this.rules = rules;
		this.clock = clock;
	}

	@Override
	public Optional<FollowUpOutcome> holds(String accountId, String senderId) {
		if (this.handover.paused(accountId, senderId)) {
			return Optional.of(FollowUpOutcome.PAUSED);
		}
		if (this.redis.exists(GuardrailKeys.optOut(accountId, senderId))) {
			return Optional.of(FollowUpOutcome.OPTED_OUT);
		}
		return Optional.empty();
	}

	/**
	 * A message nobody asked for just now, with the guardrails applied: it counts towards
	 * the daily cap and opens with the disclosure line if the customer never had it,
	 * which is remembered at once.
	 * @return the text to send, or empty when the cap drops it
	 */
	@Override
	public Optional<String> admit(String accountId, String senderId, String text) {
		CompiledRules rules = this.rules.rulesFor(accountId);
		GuardrailPolicy policy = GuardrailPolicy.of(rules);
		AccountSettings settings = this.rules.settingsOf(accountId, rules);
		OptionalInt cap = settings.dailySendCap();
		if (cap.isPresent()) {
			String key = GuardrailKeys.sent(accountId, senderId, settings.day(this.clock.instant()));
			long sent = this.redis.incr(key);
			this.redis.expire(key, Guardrails.COUNT_KEPT.toSeconds());
			if (sent > cap.getAsInt()) {
				this.guardrails.count(Guardrails.Action.CAPPED);
				return Optional.empty();
			}
		}
		String disclosure = policy.disclosure().orElse(null);
		if (disclosure == null || this.redis.setnx(GuardrailKeys.disclosed(accountId, senderId),
				this.clock.instant().toString()) == 0) {
			return Optional.of(text);
		}
		this.guardrails.count(Guardrails.Action.DISCLOSED);
		return Optional.of(disclosure + "\n\n" + text);
	}

}
