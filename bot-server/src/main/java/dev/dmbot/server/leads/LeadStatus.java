package dev.dmbot.server.leads;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a lead is on its way to the CRM. */
public enum LeadStatus {

	/** Stored; waiting for its (next) delivery, or kept here because no CRM is set. */
	NEW,
	/** The CRM answered 2xx. */
	DELIVERED,
	/** The CRM refused it for good or the tries ran out; see the dead-letter stream. */
	DEAD_LETTERED;

	@JsonValue
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** {@code new}, {@code delivered} or {@code dead_lettered}, in any case. */
	public static LeadStatus of(String tag) {
		for (LeadStatus status : values()) {
			if (status.tag().equalsIgnoreCase(tag)) {
				return status;
			}
		}
		throw new IllegalArgumentException("status must be new, delivered or dead_lettered, but was '" + tag + "'");
	}

}
