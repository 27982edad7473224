package dev.dmbot.server.rules;

public record QuickReply(String title, String payload) {
}
