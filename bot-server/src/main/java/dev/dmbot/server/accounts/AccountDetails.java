package dev.dmbot.server.accounts;

import java.time.Instant;
import java.util.List;

/**
 * What is shown of a connected account: everything but its token.
 *
 * @param id the Instagram professional account id
 * @param username the account's Instagram username
 * @param status whether it can be answered
 * @param tokenExpiresAt when Meta stops accepting the token unless it is refreshed
 * @param connectedAt when the login completed
 * @param connectedBy the name of the admin token that connected it
 * @param subscribedFields the webhook fields Meta confirmed for the account
 */
public record AccountDetails(String id, String username, AccountStatus status, Instant tokenExpiresAt,
		Instant connectedAt, String connectedBy, List<String> subscribedFields) {

	public AccountDetails {
		subscribedFields = (subscribedFields == null) ? List.of() : List.copyOf(subscribedFields);
	}

	/** The account as the rest of the server sees it: never a sandbox account. */
	public Account account() {
		return new Account(this.id, this.username, false);
	}

}
