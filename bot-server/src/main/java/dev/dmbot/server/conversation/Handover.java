package dev.dmbot.server.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.ConversationReads;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.escalation.Escalation;
import dev.dmbot.server.escalation.EscalationRequest;
import dev.dmbot.server.escalation.EscalationService;
import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.intake.CustomerMessage;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.ThreadControlEvent;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.escalationpolicy.EscalationFacts;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.escalationpolicy.EscalationRoute;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.flows.Response;

/**
 * Where the bot steps aside for a person: the Escalations sheet decides whether a turn
 * hands the conversation over, to which team and with what words; from then on the
 * conversation is paused until the agent resolves or hands back, or the idle timeout
 * passes.
 */
@Component
class Handover {

	/**
	 * Team and reason of an escalation no Escalations row routes: a Replies row said so.
	 */
	static final String DEFAULT_TEAM = "general";

	static final String DEFAULT_REASON = "escalated";

	/**
	 * The tag of a customer whose conversation went to a person, as the Tests sheet knows
	 * it.
	 */
	static final String ESCALATED_TAG = "needs_human";

	private final EscalationService escalations;

	private final AccountRules rules;

	private final MeterRegistry meters;

	Handover(EscalationService escalations, AccountRules rules, MeterRegistry meters) {
		this.escalations = escalations;
		this.rules = rules;
		this.meters = meters;
	}

	/**
	 * The escalation that keeps the bot silent for this event: one open for the
	 * conversation, unless this very event opened it (a retry after a crash must still
	 * send the handover message).
	 */
	Optional<Escalation> pausing(InboundEvent event) {
		return this.escalations.pausing(event.accountId(), event.senderId(), event.dedupKey());
	}

	/**
	 * Like {@link #pausing(InboundEvent)}, with the lookup added to the pipeline that
	 * reads the turn; resolve it only where {@code pausing} would be called.
	 */
	Supplier<Optional<Escalation>> pausing(ConversationReads reads, InboundEvent event) {
		return this.escalations.pausing(reads, event.accountId(), event.senderId(), event.dedupKey());
	}

	/** Whether a person has the conversation, so the bot says nothing on its own. */
	boolean paused(String accountId, String senderId) {
		return this.escalations.pausing(accountId, senderId).isPresent();
	}

	/**
	 * Meta moved the thread's control (conversation routing): when the Inbox gives it
	 * back to this bot, its escalation is handed back.
	 */
	void threadControlChanged(ThreadControlEvent event) {
		this.escalations.threadControlChanged(event.accountId(), event.senderId(), event.appId(), event.metadata());
	}

	/** A customer message the bot stays silent about, for the agent's thread. */
	void customerWrote(Escalation escalation, InboundEvent event) {
		String payload = (event instanceof CustomerMessage message) ? message.payload() : null;
		String text = event.text() != null ? event.text() : payload != null ? payload : event.kind().ruleName();
		this.escalations.customerWrote(escalation, text, Instant.ofEpochMilli(event.timestamp()));
		this.meters.counter("bot.escalations.paused.messages").increment();
	}

	/**
	 * Whether this turn hands the conversation to a person, and if so opens the
	 * escalation (once: a retried event finds the one it opened) and says what the
	 * customer is told instead of the reply, if anything.
	 * @param after the context as this turn leaves it
	 * @param now when the turn is answered, for working hours
	 * @param render fills the variables of a reply, so the agent sees what the customer
	 * read
	 */
	Optional<Handed> handOver(InboundEvent event, ConversationContext after, String intent, Response response,
			Instant now, UnaryOperator<String> render) {
		CompiledRules rules = this.rules.rulesFor(event.accountId());
		EscalationPolicy policy = EscalationPolicy.of(rules);
		WorkingHours hours = this.rules.settingsOf(event.accountId(), rules).workingHours();
		EscalationFacts facts = new EscalationFacts(intent, event.text(), after.tags(), after.unknownStreak(),
				response.flowNote() != null && "gave_up".equals(response.flowNote().outcome()),
				response.completion() != null ? response.completion().score() : null, response.escalate());
		Optional<EscalationRoute> route = policy.route(facts);
		if (route.isEmpty() && !response.escalate()) {
			return Optional.empty();
		}
		String reason = route.map(EscalationRoute::reason).orElse(DEFAULT_REASON);
		String team = route.map(EscalationRoute::team).orElse(DEFAULT_TEAM);
		String message = route.map((r) -> r.customerMessage(hours, now, after.language())).map(render).orElse(null);
		Escalation escalation = this.escalations.open(new EscalationRequest(event.accountId(), event.senderId(), reason,
				team, route.map(EscalationRoute::priority).orElse(EscalationRoute.DEFAULT_PRIORITY),
				route.map(EscalationRoute::idleTimeout).orElse(null), route.map(EscalationRoute::sla).orElse(null),
				route.map((r) -> r.row().toString()).orElse(null), message, after.flows().slots(), after.tags(),
				event.dedupKey()));
		return Optional.of(new Handed(escalation, message, team));
	}

	/**
	 * A turn that handed the conversation over.
	 *
	 * @param message what to tell the customer instead of the reply,
	 * {@code {{variables}}} of any reply still to fill; {@code null} keeps the reply
	 */
	record Handed(Escalation escalation, String message, String team) {
	}

}
