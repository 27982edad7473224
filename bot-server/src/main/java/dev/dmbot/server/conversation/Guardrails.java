package dev.dmbot.server.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.guardrails.GuardrailPolicy;

/**
 * What the bot must never do, applied to each turn as the live Guardrails sheet says: a
 * customer who opted out gets no automated message at all until they opt back in (the
 * confirmation goes once), no person gets more automated messages per day than the cap,
 * and the first automated message a person ever gets opens with the disclosure line. All
 * it remembers is in Redis next to the customer's context, so every server instance sees
 * the same:
 * <ul>
 * <li>{@code bot:{account:sender}:optout}: when the customer opted out; no expiry, it
 * lasts until they opt in</li>
 * <li>{@code bot:{account:sender}:sent:<yyyy-mm-dd>}: automated messages sent that day in
 * the account's time zone; expires after two days</li>
 * <li>{@code bot:{account:sender}:disclosed}: when the disclosure line went out; no
 * expiry</li>
 * </ul>
 * Quiet hours do not apply here: a reply answers what the customer just asked. They are
 * for follow-ups, through {@link GuardrailPolicy#nextAllowed}.
 */
@Component
class Guardrails {

	/** How long a day's count is kept: past the end of the day in any time zone. */
	private static final Duration COUNT_KEPT = Duration.ofDays(2);

	private final UnifiedJedis redis;

	private final DecisionEngine rules;

	private final MeterRegistry meters;

	private final Clock clock;

	Guardrails(UnifiedJedis redis, DecisionEngine rules, MeterRegistry meters, Clock clock) {
		this.redis = redis;
		this.rules = rules;
		this.meters = meters;
		this.clock = clock;
	}

	static String optOutKey(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:optout";
	}

	static String sentKey(String accountId, String senderId, java.time.LocalDate day) {
		return "bot:{" + accountId + ":" + senderId + "}:sent:" + day;
	}

	static String disclosedKey(String accountId, String senderId) {
		return "bot:{" + accountId + ":" + senderId + "}:disclosed";
	}

	/**
	 * What the guardrails make of something the customer sent, before the rules see it:
	 * {@code null} when the rules answer as usual. A customer who opted out stays opted
	 * out even if the Guardrails sheet is later removed: then nothing can opt them in but
	 * deleting the key.
	 * @param intent the message's intent, since {@code opt_out} opts out like a word
	 * @param language the customer's language, for the confirmation
	 */
	Turn screen(InboundEvent event, String intent, String language) {
		GuardrailPolicy policy = GuardrailPolicy.of(this.rules.live());
		boolean optedOut = this.redis.exists(optOutKey(event.accountId(), event.senderId()));
		if (optedOut) {
			if (policy.optsIn(event.text())) {
				return new Turn(Action.OPTED_IN, policy.optInReply(language).orElse(null));
			}
			// Said again, "stop" is not confirmed again: one confirmation per opt-out.
			return new Turn(Action.SILENCED, null);
		}
		if (policy.optsOut(event.text(), intent)) {
			return new Turn(Action.OPTED_OUT, policy.optOutReply(language).orElse(null));
		}
		return null;
	}

	/**
	 * An automated message about to be decided, with the guardrails applied: the daily
	 * cap (counted here, once per decided message; an event retried after a crash before
	 * its decision was stored counts twice, which errs on the side of sending less) and
	 * the disclosure line.
	 * @param counts whether the message counts towards the daily cap and may be dropped
	 * by it; the opt-out and opt-in confirmations do not
	 * @param language the customer's language, for the disclosure line
	 * @return the message to send, or {@code null} when the cap drops it
	 */
	Outgoing prepare(InboundEvent event, String text, boolean counts, String language) {
		GuardrailPolicy policy = GuardrailPolicy.of(this.rules.live());
		OptionalInt cap = policy.dailyCap();
		if (counts && cap.isPresent()) {
			String key = sentKey(event.accountId(), event.senderId(), policy.day(this.clock.instant()));
			long sent = this.redis.incr(key);
			this.redis.expire(key, COUNT_KEPT.toSeconds());
			if (sent > cap.getAsInt()) {
				count(Action.CAPPED);
				return null;
			}
		}
		String disclosure = policy.disclosure(language).orElse(null);
		if (disclosure == null || this.redis.exists(disclosedKey(event.accountId(), event.senderId()))) {
			return new Outgoing(text, false);
		}
		return new Outgoing(disclosure + "\n\n" + text, true);
	}

	/** Whether the customer opted out of automated messages. */
	boolean optedOut(String accountId, String senderId) {
		return this.redis.exists(optOutKey(accountId, senderId));
	}

	/**
	 * A message nobody asked for just now (a follow-up), with the guardrails applied: it
	 * counts towards the daily cap and opens with the disclosure line if the customer
	 * never had it, which is remembered at once.
	 * @return the text to send, or {@code null} when the cap drops it
	 */
	String admit(String accountId, String senderId, String text) {
		GuardrailPolicy policy = GuardrailPolicy.of(this.rules.live());
		OptionalInt cap = policy.dailyCap();
		if (cap.isPresent()) {
			String key = sentKey(accountId, senderId, policy.day(this.clock.instant()));
			long sent = this.redis.incr(key);
			this.redis.expire(key, COUNT_KEPT.toSeconds());
			if (sent > cap.getAsInt()) {
				count(Action.CAPPED);
				return null;
			}
		}
		String disclosure = policy.disclosure().orElse(null);
		if (disclosure == null
				|| this.redis.setnx(disclosedKey(accountId, senderId), this.clock.instant().toString()) == 0) {
			return text;
		}
		count(Action.DISCLOSED);
		return disclosure + "\n\n" + text;
	}

	/**
	 * Stores what this turn changed, in the transaction that stores the decision, so a
	 * crash never leaves a confirmation sent without the opt-out, or the reverse.
	 * @param turn the guardrail's own turn, or {@code null} for a turn the rules answered
	 * @param outgoing the message prepared for the turn, or {@code null} when none goes
	 */
	void record(AbstractTransaction transaction, InboundEvent event, Turn turn, Outgoing outgoing) {
		if (turn != null) {
			switch (turn.action()) {
				case OPTED_OUT -> transaction.set(optOutKey(event.accountId(), event.senderId()),
						Instant.ofEpochMilli(event.timestamp()).toString());
				case OPTED_IN -> transaction.del(optOutKey(event.accountId(), event.senderId()));
				default -> {
				}
			}
		}
		if (outgoing != null && outgoing.disclosed()) {
			transaction.set(disclosedKey(event.accountId(), event.senderId()), this.clock.instant().toString());
		}
	}

	/**
	 * Counts what {@link #record} stored, once the transaction went through, in
	 * {@code bot.guardrails{action}}.
	 */
	void recorded(Turn turn, Outgoing outgoing) {
		if (turn != null) {
			count(turn.action());
		}
		if (outgoing != null && outgoing.disclosed()) {
			count(Action.DISCLOSED);
		}
	}

	/**
	 * Counts a turn in {@code bot.guardrails{action}}: {@code opted_out},
	 * {@code opted_in}, {@code silenced}, {@code capped} or {@code disclosed}.
	 */
	private void count(Action action) {
		this.meters.counter("bot.guardrails", "action", action.tag()).increment();
	}

	/** What a guardrail did with a message. */
	enum Action {

		OPTED_OUT, OPTED_IN, SILENCED, CAPPED, DISCLOSED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A customer message the guardrails answer instead of the rules.
	 *
	 * @param reply the confirmation, {@code {{variables}}} still to fill; {@code null}
	 * sends nothing
	 */
	record Turn(Action action, String reply) {

		/** Whether the customer leaves any flow they were in: they want no messages. */
		boolean leavesFlow() {
			return this.action == Action.OPTED_OUT;
		}

	}

	/**
	 * A message with the guardrails applied.
	 *
	 * @param disclosed whether it opens with the disclosure line, to be remembered
	 */
	record Outgoing(String text, boolean disclosed) {
	}

}
