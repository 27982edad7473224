package dev.dmbot.server.escalation;

import java.time.Instant;
import java.util.List;

/**
 * An agent's reply as it was sent.
 *
 * @param outcome {@code sent}
 * @param window {@code standard} (within 24 hours of the customer's last message) or
 * {@code human_agent}
 * @param tag {@code HUMAN_AGENT} when the reply carried Meta's tag, else null
 * @param messageIds the ids Meta gave the parts
 */
record AgentReply(String escalationId, String text, String outcome, String window, String tag, List<String> messageIds,
		Instant at, String agent) {
}
