package dev.dmbot.server.followups;

import java.util.Locale;

/** What became of a follow-up, as {@code bot.followups{outcome}} counts it. */
public enum FollowUpOutcome {

	/** Queued for later. */
	SCHEDULED,
	/** Sent to the customer. */
	SENT,
	/** The customer wrote again first, or a newer follow-up replaced it. */
	CANCELLED,
	/** It would have gone out more than 24 hours after the customer's last message. */
	WINDOW_CLOSED,
	/** The customer opted out of automated messages. */
	OPTED_OUT,
	/** A person has the conversation. */
	PAUSED,
	/** The customer had their automated messages for the day. */
	CAPPED,
	/** Due in quiet hours: moved to when they end. */
	DELAYED;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
