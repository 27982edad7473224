package dev.dmbot.server.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a connected account's token is due for a refresh: the account is connected, its
 * token is at least 24 hours old (Meta refreshes no younger token), and it expires within
 * {@code bot.accounts.refresh-before} or its expiry is not known. A token already expired
 * is due as well: Meta's answer, not the stored date, decides that the account is lost.
 */
final class TokenRefreshPolicy {

	private final Duration refreshBefore;

	TokenRefreshPolicy(Duration refreshBefore) {
		this.refreshBefore = refreshBefore;
	}

	boolean due(AccountDetails account, Instant now) {
		if (account.status() != AccountStatus.CONNECTED) {
			// Disconnected: only a new login brings a token back. Unknown: a newer
			// release's status, left to that release.
			return false;
		}
		Instant issuedAt = account.tokenIssuedAt();
		if (issuedAt == null || now.isBefore(issuedAt.plus(TokenRefreshProperties.REFRESHABLE_AFTER))) {
			// Of unknown age, a call could be refused as too young and mistaken for a
			// lost token.
			return false;
		}
		Instant expiresAt = account.tokenExpiresAt();
		return expiresAt == null || !expiresAt.isAfter(now.plus(this.refreshBefore));
	}

}
