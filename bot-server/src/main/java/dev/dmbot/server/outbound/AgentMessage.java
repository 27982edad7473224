package dev.dmbot.server.outbound;

import java.time.Instant;

/**
 * A reply a person wrote to a customer (an agent answering an escalation).
 *
 * @param lastInboundAt when the customer last wrote: decides between a normal reply, the
 * {@code HUMAN_AGENT} tag and no reply at all
 * @param agent who wrote it (the token's name), kept with dead letters
 * @param reference what it answers (the escalation), kept with dead letters
 */
public record AgentMessage(String accountId, String recipientId, String text, Instant lastInboundAt, String agent,
		String reference) {
}
