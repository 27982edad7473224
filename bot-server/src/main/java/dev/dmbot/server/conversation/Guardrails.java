package dev.dmbot.server.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;

import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.accounts.AccountSettings;
import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.guardrails.GuardrailKeys;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.workbook.CompiledRules;

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
 * A turn reads these keys with the rest of the conversation ({@link #read}), decides from
 * what it read, and writes them in the transaction that stores the turn
 * ({@link #record}); a follow-up, which is no turn, goes through {@link FollowUpGuard}.
 * Quiet hours do not apply here: a reply answers what the customer just asked. They are
 * for follow-ups, through {@link GuardrailPolicy#nextAllowed}. The words and texts come
 * from the workbook set in force for the event's account, the cap and its day from that
 * account's settings ({@link AccountRules}).
 */
@Component
class Guardrails {

	/** How long a day's count is kept: past the end of the day in any time zone. */
	static final Duration COUNT_KEPT = Duration.ofDays(2);

	private final AccountRules rules;

	private final MeterRegistry meters;

	private final Clock clock;

	Guardrails(AccountRules rules, MeterRegistry meters, Clock clock) {
		this.rules = rules;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Adds what the guardrails remember of this customer to the pipeline that reads a
	 * turn: the opt-out, today's count of automated messages and the disclosure marker.
	 */
	Supplier<Marks> read(ConversationReads reads, InboundEvent event) {
		LocalDate day = this.rules.settingsOf(event.accountId()).day(this.clock.instant());
		Supplier<String> optOut = reads.get(GuardrailKeys.optOut(event.accountId(), event.senderId()));
		Supplier<String> sent = reads.get(GuardrailKeys.sent(event.accountId(), event.senderId(), day));
		Supplier<String> disclosed = reads.get(GuardrailKeys.disclosed(event.accountId(), event.senderId()));
		return () -> new Marks(optOut.get() != null, sent.get() == null ? 0 : Long.parseLong(sent.get()), day,
				disclosed.get() != null);
	}

	/**
	 * What the guardrails make of something the customer sent, before the rules see it:
	 * {@code null} when the rules answer as usual. A customer who opted out stays opted
	 * out even if the Guardrails sheet is later removed: then nothing can opt them in but
	 * deleting the key.
	 * @param intent the message's intent, since {@code opt_out} opts out like a word
	 * @param language the customer's language, for the confirmation
	 * @param marks what was read with the turn
	 */
	Turn screen(InboundEvent event, String intent, String language, Marks marks) {
		GuardrailPolicy policy = GuardrailPolicy.of(this.rules.rulesFor(event.accountId()));
		if (marks.optedOut()) {
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
	 * cap (counted once per decided message, in the transaction that stores the decision;
	 * the partition worker handles one sender at a time, so the count read with the turn
	 * is current, but for a follow-up firing for the same person at that moment) and the
	 * disclosure line.
	 * @param accountId the account the message goes out from, whose cap applies
	 * @param counts whether the message counts towards the daily cap and may be dropped
	 * by it; the opt-out and opt-in confirmations do not
	 * @param language the customer's language, for the disclosure line
	 * @param marks what was read with the turn
	 * @return the message to send, with {@link Outgoing#text()} {@code null} when the cap
	 * drops it
	 */
	Outgoing prepare(String accountId, String text, boolean counts, String language, Marks marks) {
		CompiledRules rules = this.rules.rulesFor(accountId);
		GuardrailPolicy policy = GuardrailPolicy.of(rules);
		AccountSettings settings = this.rules.settingsOf(accountId, rules);
		OptionalInt cap = settings.dailySendCap();
		LocalDate counted = null;
		boolean starts = marks.sentToday() == 0;
		if (counts && cap.isPresent()) {
			counted = marks.day();
			if (marks.sentToday() + 1 > cap.getAsInt()) {
				return new Outgoing(null, false, counted, starts);
			}
		}
		String disclosure = policy.disclosure(language).orElse(null);
		if (disclosure == null || marks.disclosed()) {
			return new Outgoing(text, false, counted, starts);
		}
		return new Outgoing(disclosure + "\n\n" + text, true, counted, starts);
	}

	/**
	 * Stores what this turn changed, in the transaction that stores the decision, so a
	 * crash never leaves a confirmation sent without the opt-out, or the reverse.
	 * @param turn the guardrail's own turn, or {@code null} for a turn the rules answered
	 * @param outgoing the message prepared for the turn, or {@code null} when none goes
	 */
	void record(AbstractTransaction transaction, InboundEvent event, Turn turn, Outgoing outgoing) {
		if (outgoing != null && outgoing.countedOn() != null) {
			String key = GuardrailKeys.sent(event.accountId(), event.senderId(), outgoing.countedOn());
			transaction.incr(key);
			if (outgoing.startsCount()) {
				// Only a new count needs its expiry: the partition worker answers one
				// customer at a time, so the count read with the turn is current.
				transaction.expire(key, COUNT_KEPT.toSeconds());
			}
		}
		if (turn != null) {
			switch (turn.action()) {
				case OPTED_OUT -> transaction.set(GuardrailKeys.optOut(event.accountId(), event.senderId()),
						Instant.ofEpochMilli(event.timestamp()).toString());
				case OPTED_IN -> transaction.del(GuardrailKeys.optOut(event.accountId(), event.senderId()));
				default -> {
				}
			}
		}
		if (outgoing != null && outgoing.sends() && outgoing.disclosed()) {
			transaction.set(GuardrailKeys.disclosed(event.accountId(), event.senderId()),
					this.clock.instant().toString());
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
		if (outgoing != null && !outgoing.sends()) {
			count(Action.CAPPED);
		}
		if (outgoing != null && outgoing.disclosed()) {
			count(Action.DISCLOSED);
		}
	}

	/**
	 * Counts a turn in {@code bot.guardrails{action}}: {@code opted_out},
	 * {@code opted_in}, {@code silenced}, {@code capped} or {@code disclosed}.
	 */
	void count(Action action) {
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
	 * @param text what to send; {@code null} when the daily cap drops it
	 * @param disclosed whether it opens with the disclosure line, to be remembered
	 * @param countedOn the day whose count of automated messages it adds to, {@code null}
	 * when it counts towards no cap
	 * @param startsCount whether that day's count did not exist when the turn read it, so
	 * writing it must set its expiry (an existing count already has one)
	 */
	record Outgoing(String text, boolean disclosed, LocalDate countedOn, boolean startsCount) {

		/** A message whose count, if any, gets its expiry set whatever it held. */
		Outgoing(String text, boolean disclosed, LocalDate countedOn) {
			this(text, disclosed, countedOn, true);
		}

		boolean sends() {
			return this.text != null;
		}

	}

	/**
	 * What the guardrails remember of one customer, as read with the turn.
	 *
	 * @param sentToday automated messages counted on {@code day}
	 * @param day today in the account's time zone
	 */
	record Marks(boolean optedOut, long sentToday, LocalDate day, boolean disclosed) {

		/** Nothing remembered: a customer new to the guardrails. */
		static Marks none(LocalDate day) {
			return new Marks(false, 0, day, false);
		}

	}

}
