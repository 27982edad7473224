package dev.dmbot.server.outbound;

import java.time.Instant;
import java.util.List;

/**
 * A reply to send to one customer.
 *
 * @param lastInboundAt when the customer last wrote; nothing automated is sent more than
 * 24 hours later
 * @param receivedAt when the event that caused this reply reached the server, for the
 * end-to-end latency
 * @param reference what caused the reply (an event key), kept with dead letters
 */
public record OutboundMessage(String accountId, String recipientId, String text, List<QuickReplyOption> quickReplies,
		Instant lastInboundAt, Instant receivedAt, String reference) {

	public OutboundMessage {
		quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
	}

}
