package dev.dmbot.server.leads;

import java.time.Instant;

/**
 * Which leads to list, newest first. Every filter is optional.
 *
 * @param since created at or after
 * @param until created at or before
 */
record LeadQuery(String account, LeadStatus status, Instant since, Instant until, String tag, int limit) {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 10_000;

	LeadQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", but was " + limit);
		}
		if (since != null && until != null && since.isAfter(until)) {
			throw new IllegalArgumentException("since must not be after until, but was " + since + " > " + until);
		}
	}

	boolean matches(Lead lead) {
		return (this.status == null || lead.status() == this.status)
				&& (this.tag == null || lead.tags().contains(this.tag));
	}

}
