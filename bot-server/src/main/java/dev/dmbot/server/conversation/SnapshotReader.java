package dev.dmbot.server.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.attribution.ReplyAttribution;
import dev.dmbot.server.attribution.Touches;
import dev.dmbot.server.context.ContextStore;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.escalation.Escalation;
import dev.dmbot.server.followups.FollowUpScheduler;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.intake.ProcessedEvents;
import dev.dmbot.server.platform.redis.ConversationReads;

/**
 * The first step of a turn: reads all a turn needs about one (account, sender) in one
 * pipeline. Each feature adds its own reads, so the key names stay with the feature; all
 * the keys carry the conversation's hash tag, so the pipeline goes to one node even on
 * Redis Cluster.
 */
@Component
class SnapshotReader {

	private final UnifiedJedis redis;

	private final ProcessedEvents processed;

	private final ReplyLedger ledger;

	private final ContextStore contexts;

	private final FollowUpScheduler followUps;

	private final ReplyAttribution attribution;

	private final Guardrails guardrails;

	private final Handover handover;

	SnapshotReader(UnifiedJedis redis, ProcessedEvents processed, ReplyLedger ledger, ContextStore contexts,
			FollowUpScheduler followUps, ReplyAttribution attribution, Guardrails guardrails, Handover handover) {
		this.redis = redis;
		this.processed = processed;
		this.ledger = ledger;
		this.contexts = contexts;
		this.followUps = followUps;
		this.attribution = attribution;
		this.guardrails = guardrails;
		this.handover = handover;
	}

	TurnSnapshot read(InboundEvent event) {
		String account = event.accountId();
		String sender = event.senderId();
		try (ConversationReads reads = ConversationReads.on(this.redis)) {
			Supplier<Boolean> seen = this.processed.read(reads, event);
			Supplier<ReplyLedger.Entry> decided = this.ledger.read(reads, event);
			Supplier<ConversationContext> context = this.contexts.read(reads, account, sender);
			Supplier<Instant> expiriesSetAt = this.contexts.expiriesSetAt(reads, account, sender);
			Supplier<String> followUp = this.followUps.readPending(reads, account, sender);
			Supplier<Touches> touches = this.attribution.read(reads, account, sender);
			Supplier<Guardrails.Marks> marks = this.guardrails.read(reads, event);
			Supplier<Optional<Escalation>> pausing = this.handover.pausing(reads, event);
			reads.send();
			ReplyLedger.Entry ledger = decided.get();
			// A delivered reply is recorded with the event marked handled: its ledger
			// entry
			// is the marker, so the delivery record writes one key, not two.
			boolean handled = seen.get() || (ledger != null && ledger.delivered());
			return new TurnSnapshot(handled, ledger, context.get(), followUp.get(), touches.get(), marks.get(),
					memoized(pausing), expiriesSetAt.get());
		}
	}

	private static <T> Supplier<T> memoized(Supplier<T> supplier) {
		return new Supplier<>() {

			private T value;

			private boolean done;

			@Override
			public T get() {
				if (!this.done) {
					this.value = supplier.get();
					this.done = true;
				}
				return this.value;
			}

		};
	}

}
