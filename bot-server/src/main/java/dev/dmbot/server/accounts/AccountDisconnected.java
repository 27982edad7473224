package dev.dmbot.server.accounts;

import java.time.Instant;

/**
 * Meta refused an account's access token (code 190 or a permission removed): the server
 * cannot answer the account until it is connected again. Published once, by the instance
 * that marked it, for whoever tells people (the escalation notification webhook).
 *
 * @param accountId the Instagram professional account id
 * @param username its Instagram username, {@code null} when not known
 * @param reason what Meta said, never the token
 * @param at when the refusal was met
 * @param configured whether it is the account of {@code bot.meta.access-token} (replace
 * the token and restart) rather than one connected through Business Login (log in again
 * on the Accounts page)
 */
public record AccountDisconnected(String accountId, String username, String reason, Instant at, boolean configured) {

	/** What the person who can fix it should do, in words. */
	public String whatToDo() {
		return this.configured
				? "set bot.meta.access-token to a new long-lived token of the account and restart the server"
				: "open the Accounts page (/accounts/), press \"Connect an Instagram account\" and log in as "
						+ ((this.username != null) ? "@" + this.username : "the account " + this.accountId);
	}

}
