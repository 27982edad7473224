package dev.dmbot.server.accounts;

import java.util.Objects;

/**
 * An Instagram professional account this server answers for. It never carries the
 * account's access token: that comes from {@link Accounts#accessTokenOf}, so an account
 * can be logged, shown and compared freely.
 *
 * @param id the Instagram professional account id (the webhook's {@code entry.id} and the
 * recipient of the customers' messages)
 * @param username the account's Instagram username, {@code null} while not known
 * @param sandbox whether replies are recorded in Redis instead of being sent, because the
 * account has no access token
 */
public record Account(String id, String username, boolean sandbox) {

	public Account {
		Objects.requireNonNull(id, "id");
		if (id.isBlank()) {
			throw new IllegalArgumentException("an account id must not be blank, but was '" + id + "'");
		}
	}

}
