package dev.dmbot.server.playground;

/**
 * What a visitor of the playground sends as a customer.
 *
 * @param kind {@code text}, {@code quick_reply}, {@code postback}, {@code story_mention},
 * {@code story_reply}, {@code referral} or {@code image}
 * @param payload the quick-reply or postback payload, or the referral ref
 */
public record PlaygroundMessage(String sender, String kind, String text, String payload) {
}
