package dev.dmbot.server.workbook;

/**
 * A quick-reply button offered under a reply.
 *
 * @param title what the button shows, at most 20 characters
 * @param payload what Instagram sends back when the button is tapped
 */
public record QuickReply(String title, String payload) {

}
