package dev.dmbot.server.nlp;

public record Intent(String name, double confidence) {
}
