package dev.dmbot.server.intake;

/**
 * What the workers do with each stored event, once and in order per sender. An
 * implementation must be idempotent: after a crash the same event may be handed over
 * again before it was marked processed.
 * <p>
 * Throw a {@link dev.dmbot.server.system.TransientException} (or let a Redis connection
 * error through) to have the event retried later, in order; any other exception sets the
 * event aside in the failed-events stream.
 */
public interface InboundEventHandler {

	Handling handle(InboundEvent event);

}
