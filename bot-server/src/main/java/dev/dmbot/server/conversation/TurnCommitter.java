package dev.dmbot.server.conversation;

import java.time.Clock;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.ProcessedEvents;
import dev.dmbot.server.outbound.OutboundMessage;
import dev.dmbot.server.platform.redis.TurnWrites;
import dev.dmbot.server.platform.redis.RedisTransactions;

/**
 * The commit step of a turn, and the record of a delivered reply: each is one
 * {@code MULTI}/{@code EXEC} over the conversation's keys, each feature adding its own
 * writes.
 */
@Component
class TurnCommitter {

	private final UnifiedJedis redis;

	private final ContextStore contexts;

	private final ConversationLog conversationLog;

	private final ReplyLedger ledger;

	private final ReplyAttribution attribution;

	private final Guardrails guardrails;

	private final ProcessedEvents processed;

	private final Clock clock;

	TurnCommitter(UnifiedJedis redis, ContextStore contexts, ConversationLog conversationLog, ReplyLedger ledger,
			ReplyAttribution attribution, Guardrails guardrails, ProcessedEvents processed, Clock clock) {
		this.redis = redis;
		this.contexts = contexts;
		this.conversationLog = conversationLog;
		this.ledger = ledger;
		this.attribution = attribution;
		this.guardrails = guardrails;
		this.processed = processed;
		this.clock = clock;
	}

	/**
	 * Stores the turn: context, log, the decided reply and what the guardrails count. The
	 * expiries of the person's keys are set now and then, not on every turn
	 * ({@link TurnWrites}).
	 */
	void commit(TurnOutcome outcome) {
		InboundEvent event = outcome.event();
		TurnWrites writes;
		// A transaction holds a pooled connection until it is closed, not until exec().
		try (AbstractTransaction transaction = RedisTransactions.forConversation(this.redis, event.accountId(),
				event.senderId())) {
			writes = TurnWrites.on(this.redis, transaction, outcome.expiriesSetAt(), this.clock.instant());
			if (outcome.after() != null) {
				this.contexts.save(writes, outcome.before(), outcome.after());
			}
			this.conversationLog.append(writes, event.accountId(), event.senderId(), outcome.inbound());
			TurnOutcome.Attributed decided = null;
			if (outcome.reply() != null) {
				this.ledger.decided(writes, event, outcome.reply(), outcome.trail());
				decided = outcome.decided();
			}
			if (decided != null) {
				this.attribution.decided(writes, event.accountId(), event.senderId(), decided.rule(), decided.flow(),
						decided.exposure(), this.clock.instant());
			}
			this.guardrails.record(transaction, event, outcome.guardrail(), outcome.outgoing());
			if (outcome.handled()) {
				this.processed.mark(transaction, event);
			}
			writes.exec();
		}
		writes.settle();
		this.guardrails.recorded(outcome.guardrail(), outcome.outgoing());
	}

	/**
	 * Records a reply Meta has (or refused for good). The ledger entry marked delivered
	 * is also the event's handled marker, so a redelivery neither decides again nor sends
	 * again. The two writes go in one pipeline, the ledger first, not in a transaction:
	 * if Redis refused the log line (out of memory), a transaction would drop the ledger
	 * entry with it and a redelivery would send the reply twice; this way only the log
	 * line is missing.
	 */
	void delivered(InboundEvent event, OutboundMessage reply, LogEntry delivered) {
		try (AbstractPipeline writes = this.redis.pipelined()) {
			this.ledger.delivered(writes, event, reply, delivered);
			this.conversationLog.appendToTurn(writes, event.accountId(), event.senderId(), delivered);
			writes.sync();
		}
	}

	/** Marks an event handled that changed nothing else. */
	void handled(InboundEvent event) {
		this.processed.mark(event);
	}

}
