package dev.dmbot.server.conversation;

import java.util.Locale;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dmbot.server.accounts.AccountConnections;
import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.escalation.Escalation;
import dev.dmbot.server.followups.FollowUpScheduler;
import dev.dmbot.server.intake.Handling;
import dev.dmbot.server.intake.CommentReceived;
import dev.dmbot.server.intake.CustomerMessage;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.ThreadControlEvent;
import dev.dmbot.server.intake.ThreadPassed;
import dev.dmbot.server.intake.ThreadTaken;
import dev.dmbot.server.intake.UnknownReceived;
import dev.dmbot.server.intake.InboundEventHandler;
import dev.dmbot.server.flows.Response;

/**
 * The path of one event, as a pipeline of steps: read everything about the conversation
 * in one round trip ({@link SnapshotReader}), understand ({@link MessageInterpreter}),
 * decide ({@link TurnDecider}), compose ({@link ReplyComposer}), commit in one
 * transaction ({@link TurnCommitter}), deliver ({@link ReplyDeliverer}). The decision is
 * stored before anything is sent, so a crash never loses a decision or makes the bot
 * decide twice: a reply found decided in the ledger is delivered as it was.
 */
@Component
class ConversationHandler implements InboundEventHandler {

	private static final Logger log = LoggerFactory.getLogger(ConversationHandler.class);

	private final SnapshotReader reader;

	private final MessageInterpreter interpreter;

	private final TurnDecider decider;

	private final ReplyComposer composer;

	private final TurnCommitter committer;

	private final ReplyDeliverer deliverer;

	private final Handover handover;

	private final CommentReplies comments;

	private final FollowUpScheduler followUps;

	private final ReplyAttribution attribution;

	private final MeterRegistry meters;

	private final AccountConnections connections;

	ConversationHandler(SnapshotReader reader, MessageInterpreter interpreter, TurnDecider decider,
			ReplyComposer composer, TurnCommitter committer, ReplyDeliverer deliverer, Handover handover,
			CommentReplies comments, FollowUpScheduler followUps, ReplyAttribution attribution, MeterRegistry meters,
			AccountConnections connections) {
		this.connections = connections;
		this.reader = reader;
		this.interpreter = interpreter;
		this.decider = decider;
		this.composer = composer;
		this.committer = committer;
		this.deliverer = deliverer;
		this.handover = handover;
		this.comments = comments;
		this.followUps = followUps;
		this.attribution = attribution;
		this.meters = meters;
	}

	@Override
	public Handling handle(InboundEvent event) {
		if (this.connections.isDisconnected(event.accountId())) {
			// Nothing can be sent for the account: kept, and answered once it is
			// connected again. Asking costs no Redis command.
			return Handling.HELD;
		}
		TurnSnapshot snapshot = this.reader.read(event);
		if (snapshot.seen()) {
			return Handling.DUPLICATE;
		}
		if (event instanceof UnknownReceived) {
			this.meters.counter("bot.events.unknown").increment();
			log.info("Kept an event of a shape this version does not know: {}", abbreviate(event.raw()));
			this.committer.handled(event);
			return Handling.PROCESSED;
		}
		ReplyLedger.Entry pending = snapshot.ledger();
		if (pending != null) {
			if ("decided".equals(pending.status())) {
				// Decided before a crash but not confirmed as sent: send what was
				// decided.
				this.deliverer.deliver(event, pending.message(), pending.trail());
			}
			else {
				this.committer.handled(event);
			}
			return Handling.PROCESSED;
		}
		ConversationContext context = snapshot.context();
		if (event instanceof ThreadPassed || event instanceof ThreadTaken) {
			this.handover.threadControlChanged((ThreadControlEvent) event);
		}
		if (customerSpeaks(event)) {
			// Whatever the customer says, a follow-up would no longer fit it.
			this.followUps.cancel(event.accountId(), event.senderId(), snapshot.pendingFollowUp());
			this.attribution.customerWrote(event.accountId(), event.senderId(), snapshot.touches());
			Escalation paused = snapshot.pausing().get().orElse(null);
			if (paused != null) {
				// A person has the conversation: the bot keeps every message for them and
				// says nothing. The event counts as handled once the agent's thread has
				// it.
				this.committer.commit(kept(event, snapshot, false));
				this.handover.customerWrote(paused, event);
				this.committer.handled(event);
				return Handling.PROCESSED;
			}
		}
		if (event instanceof CommentReceived comment) {
			// Answered privately and publicly, never in the conversation itself.
			this.comments.commented(comment, context);
		}
		if (!answersAutomatically(event)) {
			this.committer.commit(kept(event, snapshot, true));
			return Handling.PROCESSED;
		}
		answer(event, snapshot);
		return Handling.PROCESSED;
	}

	private void answer(InboundEvent event, TurnSnapshot snapshot) {
		Understanding understood = this.interpreter.understand(event, snapshot.context());
		TurnDecision decision = this.decider.decide(event, snapshot, understood);
		ComposedReply composed = this.composer.compose(event, understood, decision, snapshot.guardrails());
		this.committer.commit(outcome(event, snapshot, understood, decision, composed));
		if (composed.reply() != null && !decision.guarded()) {
			this.attribution.given(event.accountId(), decision.wordings(), composed.exposure());
		}
		logTurn(event, understood, decision, composed);
		if (composed.followUp() != null) {
			this.followUps.schedule(event.accountId(), event.senderId(), composed.followUpDelay(), composed.followUp(),
					decision.after().lastInboundAt());
		}
		if (composed.reply() != null) {
			this.deliverer.deliver(event, composed.reply(), composed.trail());
		}
	}

	private static TurnOutcome outcome(InboundEvent event, TurnSnapshot snapshot, Understanding understood,
			TurnDecision decision, ComposedReply composed) {
		TurnOutcome.Attributed attributed = null;
		Response response = decision.response();
		if (response != null) {
			attributed = new TurnOutcome.Attributed(
					response.firedRows().isEmpty() ? null : decision.rows().get(response.firedRows().size() - 1),
					response.flowNote() != null ? response.flowNote().flow() : null, composed.exposure());
		}
		return new TurnOutcome(event, decision.before(), decision.after(),
				ContextChanges.inbound(event, understood.intent()), composed.reply(), composed.trail(), attributed,
				decision.guardrail(), composed.outgoing(), composed.reply() == null, snapshot.expiriesSetAt());
	}

	/** An event only kept in the log; one that opens the 24-hour window moves it. */
	private static TurnOutcome kept(InboundEvent event, TurnSnapshot snapshot, boolean handled) {
		ConversationContext context = snapshot.context();
		ConversationContext after = event.kind().opensWindow()
				? ContextChanges.touched(context, event, null, null, Set.of(), false) : null;
		return TurnOutcome.kept(event, context, after, handled, snapshot.expiriesSetAt());
	}

	private static void logTurn(InboundEvent event, Understanding understood, TurnDecision decision,
			ComposedReply composed) {
		if (decision.guarded()) {
			log.info("Conversation {}: {} '{}' -> intent {}, guardrail {}", event.conversationId(),
					event.kind().ruleName(), abbreviate(event.text()), understood.intent().name(),
					decision.guardrail().action().tag());
			return;
		}
		if (!log.isInfoEnabled()) {
			// Formatting the confidence costs more than the rest of this line.
			return;
		}
		Handover.Handed handed = decision.handed();
		Response response = decision.response();
		log.info("Conversation {}: {} '{}' -> language {}, intent {} ({}), rows {}, state '{}'{}{}{}",
				event.conversationId(), event.kind().ruleName(), abbreviate(event.text()), understood.language(),
				understood.intent().name(), String.format(Locale.ROOT, "%.2f", understood.intent().confidence()),
				decision.rows(), decision.after().state(),
				handed != null ? ", handed to " + handed.team() + " (" + handed.escalation().id() + ")" : "",
				response.flowNote() != null ? ", flow " + response.flowNote() : "",
				composed.capped() ? ", reply dropped by the daily cap" : "");
	}

	/**
	 * Only what the customer sends on our own channel gets an automatic answer; echoes,
	 * reads, standby do not.
	 */
	private static boolean answersAutomatically(InboundEvent event) {
		return !event.standby() && customerSpeaks(event);
	}

	/**
	 * Something the customer wrote or tapped, on our channel or, as standby, another
	 * app's.
	 */
	private static boolean customerSpeaks(InboundEvent event) {
		return event instanceof CustomerMessage;
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return text.length() > 80 ? text.substring(0, 77) + "..." : text;
	}

}
