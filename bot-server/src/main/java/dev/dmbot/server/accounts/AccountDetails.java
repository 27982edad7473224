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
 * @param tokenIssuedAt when Meta issued the token held now; for an account stored by a
 * release that did not record it, when it was connected
 * @param lastRefresh the last automatic refresh of its token; {@code null} before the
 * first
 * @param disconnectedAt when the server found Meta no longer accepts the token;
 * {@code null} while connected
 * @param disconnectedReason what Meta said then, never the token
 */
public record AccountDetails(String id, String username, AccountStatus status, Instant tokenExpiresAt,
		Instant connectedAt, String connectedBy, List<String> subscribedFields, Instant tokenIssuedAt,
		TokenRefresh lastRefresh, Instant disconnectedAt, String disconnectedReason) {

	public AccountDetails {
		subscribedFields = (subscribedFields == null) ? List.of() : List.copyOf(subscribedFields);
		tokenIssuedAt = (tokenIssuedAt != null) ? tokenIssuedAt : connectedAt;
	}

	/** The account as the rest of the server sees it: never a sandbox account. */
	public Account account() {
		return new Account(this.id, this.username, false);
	}

	/**
	 * One automatic refresh of the token.
	 *
	 * @param at when it ended
	 * @param outcome how
	 * @param problem what went wrong, in words, never the token; {@code null} when it was
	 * refreshed
	 */
	public record TokenRefresh(Instant at, TokenRefreshOutcome outcome, String problem) {
	}

}
