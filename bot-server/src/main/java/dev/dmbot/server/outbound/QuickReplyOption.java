package dev.dmbot.server.outbound;

/**
 * One quick-reply button: its title (at most 20 characters on Instagram) and the payload
 * it sends back.
 */
public record QuickReplyOption(String title, String payload) {
}
