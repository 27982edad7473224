package dev.dmbot.server.access;

import java.time.Instant;
import java.util.List;

/**
 * What is known of an issued token, without the token: safe to list and to log.
 *
 * @param createdBy the name of the admin who created it
 * @param accounts the Instagram accounts an AGENT token is bound to; null when it is not
 * bound (it sees every account)
 */
record StoredToken(String name, Role role, Instant createdAt, String createdBy, List<String> accounts) {

	StoredToken {
		accounts = accounts == null || accounts.isEmpty() ? null : List.copyOf(accounts);
	}

}
