package dev.dmbot.server.intake;

/**
 * One attachment of a message: its Meta type ({@code image}, {@code ig_reel},
 * {@code story_mention}, ...) and the media URL or id when Meta gives one.
 */
public record Attachment(String type, String url, String mediaId, String title) {
}
