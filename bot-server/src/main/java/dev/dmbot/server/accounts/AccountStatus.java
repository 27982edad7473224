package dev.dmbot.server.accounts;

/**
 * Whether a connected account can be answered. Stored by name, so a constant is never
 * renamed; a status a later release adds is read as {@link #UNKNOWN} by this one.
 */
public enum AccountStatus {

	/**
	 * Every step of the login succeeded: the token works and the webhook is subscribed.
	 */
	CONNECTED,

	/**
	 * Meta no longer accepts the token (expired, revoked, password changed): the owner
	 * must connect it again.
	 */
	DISCONNECTED,

	/** Written by a newer release. */
	UNKNOWN;

	static AccountStatus parse(String name) {
		for (AccountStatus status : values()) {
			if (status.name().equals(name)) {
				return status;
			}
		}
		return UNKNOWN;
	}

}
