package dev.dmbot.server.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An Instagram account connected through Business Login and kept in Redis, its token
 * decrypted. Its {@code toString()} shows no token ({@link AccessToken} never shows
 * itself).
 *
 * @param id the Instagram professional account id (the webhook's {@code entry.id})
 * @param username the account's Instagram username
 * @param token the long-lived Instagram user access token
 * @param tokenExpiresAt when Meta stops accepting the token unless it is refreshed
 * @param connectedAt when the login completed
 * @param connectedBy the name of the admin token that connected it
 * @param status whether it can be answered
 * @param subscribedFields the webhook fields Meta confirmed for the account
 * @param tokenIssuedAt when Meta issued the token (at the login, or at its last refresh):
 * Meta refreshes only a token at least 24 hours old
 */
public record ConnectedAccount(String id, String username, AccessToken token, Instant tokenExpiresAt,
		Instant connectedAt, String connectedBy, AccountStatus status, List<String> subscribedFields,
		Instant tokenIssuedAt) {

	public ConnectedAccount {
		Objects.requireNonNull(id, "id");
		if (id.isBlank()) {
			throw new IllegalArgumentException("an account id must not be blank, but was '" + id + "'");
		}
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
		Objects.requireNonNull(connectedAt, "connectedAt");
		Objects.requireNonNull(status, "status");
		subscribedFields = (subscribedFields == null) ? List.of() : List.copyOf(subscribedFields);
		tokenIssuedAt = (tokenIssuedAt != null) ? tokenIssuedAt : connectedAt;
	}

	/** An account whose token was issued when it was connected. */
	public ConnectedAccount(String id, String username, AccessToken token, Instant tokenExpiresAt, Instant connectedAt,
			String connectedBy, AccountStatus status, List<String> subscribedFields) {
		this(id, username, token, tokenExpiresAt, connectedAt, connectedBy, status, subscribedFields, connectedAt);
	}

	/** The account as the rest of the server sees it: never a sandbox account. */
	public Account account() {
		return new Account(this.id, this.username, false);
	}

}
