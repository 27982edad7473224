package dev.dmbot.server.flows;

/** One part of a Score cell: when the answer fits, the lead gets {@code points}. */
public record Points(Condition when, int points) {
}
