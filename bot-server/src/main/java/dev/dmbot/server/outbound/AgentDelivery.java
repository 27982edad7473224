package dev.dmbot.server.outbound;

/** What became of a person's reply, and the window it was sent in. */
public record AgentDelivery(ReplyWindow window, DeliveryResult result) {
}
