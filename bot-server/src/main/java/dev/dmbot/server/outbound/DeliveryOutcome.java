package dev.dmbot.server.outbound;

/** What became of a reply. */
public enum DeliveryOutcome {

	/** Meta (or the sandbox) accepted every part. */
	SENT,
	/** Not sent: the customer's last message is more than 24 hours old. */
	WINDOW_CLOSED,
	/** Meta refused it or kept failing; it waits in the dead-letter stream. */
	DEAD_LETTERED;

	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
