package dev.dmbot.server.intake;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import dev.dmbot.server.platform.redis.ConversationReads;

/**
 * The marker of an event handled to the end,
 * {@code bot:{account:sender}:seen:<dedupKey>}, kept for {@code bot.intake.dedup-ttl}:
 * Meta redelivers, and a redelivered event must not be answered twice. It shares the
 * conversation's hash tag, so the handler reads it in the pipeline that reads the turn
 * and writes it in the transaction that stores the turn.
 */
@Component
public class ProcessedEvents {

	private final UnifiedJedis redis;

	private final IntakeProperties properties;

	ProcessedEvents(UnifiedJedis redis, IntakeProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/** Adds the check to a turn's read pipeline: whether the event was handled before. */
	public Supplier<Boolean> read(ConversationReads reads, InboundEvent event) {
		return reads.exists(StreamKeys.processed(event));
	}

	/** Marks the event handled, for an event that changed nothing else. */
	public void mark(InboundEvent event) {
		this.redis.set(StreamKeys.processed(event), "1",
				SetParams.setParams().ex(this.properties.dedupTtl().toSeconds()));
	}

	/** Marks the event handled, in the transaction that stores what it changed. */
	public void mark(AbstractTransaction transaction, InboundEvent event) {
		transaction.set(StreamKeys.processed(event), "1",
				SetParams.setParams().ex(this.properties.dedupTtl().toSeconds()));
	}

}
