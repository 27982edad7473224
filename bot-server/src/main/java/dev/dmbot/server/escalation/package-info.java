/**
 * Hand-over to people: escalations, the agent API under {@code /api/escalations}, the
 * live stream, notifications and Meta conversation routing.
 *
 * <p>
 * The conversation uses {@link EscalationService} and the records it takes and returns
 * ({@link EscalationRequest}, {@link Escalation}): {@code open} when its rules escalate,
 * {@code pausing} before answering any event (no automatic reply while it returns an
 * escalation), {@code customerWrote} for each customer message while paused, and
 * {@code threadControlChanged} for Meta's {@code pass_thread_control} and
 * {@code take_thread_control} webhooks. Everything else is package-private. All state is
 * in Redis; see {@link EscalationStore} for the keys.
 */
package dev.dmbot.server.escalation;
