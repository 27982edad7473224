package dev.dmbot.server.privacy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the status page says about a request. It names no person: only the code Meta
 * showed them.
 *
 * @param status {@code pending} until every key is removed, then {@code completed}
 * @param removed how many keys, entries and fields were removed
 */
record DeletionStatus(@JsonProperty("confirmation_code") String confirmationCode, String status,
		@JsonProperty("requested_at") Instant requestedAt, @JsonProperty("completed_at") Instant completedAt,
		Long removed) {

	static final String PENDING = "pending";

	static final String COMPLETED = "completed";

	boolean completed() {
		return COMPLETED.equals(this.status);
	}

}
