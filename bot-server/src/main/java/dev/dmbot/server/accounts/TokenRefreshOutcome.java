package dev.dmbot.server.accounts;

import java.util.Locale;

/**
 * How an automatic refresh of a connected account's token ended. Stored by name, so a
 * constant is never renamed; the metric {@code bot.accounts.token.refreshes} carries it
 * in lower case as its {@code outcome}.
 */
public enum TokenRefreshOutcome {

	/** Meta issued a new token, and it was stored. */
	REFRESHED,

	/**
	 * Meta did not answer, answered with a server error after the retries, or refused for
	 * a reason that does not mean the token is lost: tried again at the next run.
	 */
	FAILED,

	/**
	 * Meta refused the token for good (code 190: expired, revoked, password changed; or a
	 * permission removed): the account is marked disconnected until it is connected
	 * again.
	 */
	DISCONNECTED,

	/**
	 * Meta issued a new token, but the account had been connected again meanwhile: the
	 * newer connection was kept.
	 */
	SUPERSEDED;

	/** The name as the metric tag and the API show it. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TokenRefreshOutcome parse(String name) {
		for (TokenRefreshOutcome outcome : values()) {
			if (outcome.name().equals(name)) {
				return outcome;
			}
		}
		return null;
	}

}
