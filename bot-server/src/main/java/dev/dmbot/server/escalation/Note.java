package dev.dmbot.server.escalation;

import java.time.Instant;

/** An agent's internal note on an escalation: never sent to the customer. */
record Note(String author, String text, Instant at) {
}
