package dev.dmbot.server.escalation;

import java.util.List;
import java.util.Locale;

/**
 * What the queue shows: a team, a priority, a status (or a group of them) and at most
 * {@code limit} escalations.
 *
 * @param status {@code open} (waiting or claimed: every escalation still pausing its
 * conversation), {@code unclaimed}, {@code claimed}, {@code resolved},
 * {@code handed_back}, {@code timed_out}, {@code closed} (the last three) or {@code all}
 */
record EscalationFilter(String team, String priority, String status, int limit) {

	static final List<String> STATUSES = List.of("open", "unclaimed", "claimed", "resolved", "handed_back", "timed_out",
			"closed", "all");

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1_000;

	EscalationFilter {
		team = blankToNull(team) == null ? null : team.strip().toLowerCase(Locale.ROOT);
		priority = blankToNull(priority) == null ? null : EscalationService.priority(priority);
		status = blankToNull(status) == null ? "open" : status.strip().toLowerCase(Locale.ROOT);
		if (!STATUSES.contains(status)) {
			throw new IllegalArgumentException(
					"status must be one of " + String.join(", ", STATUSES) + ", but was '" + status + "'");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", but was " + limit);
		}
	}

	/** Whether only escalations that still pause their conversation are asked for. */
	boolean openOnly() {
		return this.status.equals("open") || this.status.equals("unclaimed") || this.status.equals("claimed");
	}

	boolean matches(Escalation escalation) {
		if (this.team != null && !this.team.equals(escalation.team())) {
			return false;
		}
		if (this.priority != null && !this.priority.equals(escalation.priority())) {
			return false;
		}
		return switch (this.status) {
			case "open" -> escalation.isOpen();
			case "unclaimed" -> Escalation.OPEN.equals(escalation.status());
			case "closed" -> !escalation.isOpen();
			case "all" -> true;
			default -> this.status.equals(escalation.status());
		};
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
