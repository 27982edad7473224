package dev.dmbot.server.outbound;

import java.util.List;

/** The outcome of a reply and the message ids Meta gave to the parts that were sent. */
public record DeliveryResult(DeliveryOutcome outcome, List<String> messageIds, String error) {

	public DeliveryResult {
		messageIds = List.copyOf(messageIds);
	}

}
