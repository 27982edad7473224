package dev.dmbot.server.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One hand-over of a conversation to people. While it is open (status {@code open} or
 * {@code claimed}) the conversation's automation is paused; it ends {@code resolved} or
 * {@code handed_back} by an agent, or {@code timed_out} after its idle timeout.
 *
 * @param id a ULID: sorts by opening time
 * @param assignee the agent who claimed it, or null
 * @param lastActivityAt the last message from either side (the idle timeout counts from
 * here)
 * @param closedAt null while open
 * @param idleTimeout automation resumes after this long without a message from either
 * side
 * @param sla an agent should reply within this long after {@link #openedAt()}
 */
public record Escalation(String id, String accountId, String senderId, String reason, String team, String priority,
		String status, String assignee, Instant openedAt, Instant claimedAt, Instant firstAgentReplyAt,
		Instant lastActivityAt, Instant closedAt, Duration idleTimeout, Duration sla, String trigger,
		Map<String, String> slots, Set<String> tags) {

	/** Waiting for an agent. */
	public static final String OPEN = "open";

	/** An agent took it. */
	public static final String CLAIMED = "claimed";

	/** An agent closed it; automation resumes. */
	public static final String RESOLVED = "resolved";

	/** An agent (or Meta's Inbox) gave the conversation back to the bot. */
	public static final String HANDED_BACK = "handed_back";

	/** Nobody wrote for its idle timeout; automation resumed. */
	public static final String TIMED_OUT = "timed_out";

	public Escalation {
		slots = slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
		tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
	}

	/** Whether it still pauses the conversation's automation. */
	public boolean isOpen() {
		return OPEN.equals(this.status) || CLAIMED.equals(this.status);
	}

	/** When its idle timeout passes, if nothing is written before. */
	Instant idleUntil() {
		return this.lastActivityAt.plus(this.idleTimeout);
	}

}
