package dev.dmbot.server.rules;

public record RulesVersion(String hash, java.time.Instant loadedAt, java.util.List<String> workbooks) {
}
