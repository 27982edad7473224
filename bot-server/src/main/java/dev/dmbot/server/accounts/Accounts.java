package dev.dmbot.server.accounts;

import java.util.List;
import java.util.Optional;

import dev.dmbot.server.system.MetaProperties;

/**
 * The Instagram accounts this server serves.
 * <p>
 * The webhook stores only events addressed to an account served (the others are
 * acknowledged, counted and dropped there), so {@link #answering} matters only for events
 * stored before that rule: it answers them as the configured account answers, with that
 * account's token and settings, under their own account id, as the server did before
 * accounts were named.
 */
public interface Accounts {

	/** Every account served, the configured one first. */
	List<Account> all();

	/** The served account of this id; empty for any other id. */
	Optional<Account> find(String accountId);

	/**
	 * The account whose token and settings answer an event addressed to
	 * {@code accountId}: that account when it is served, else the configured account (see
	 * the type's description).
	 */
	Account answering(String accountId);

	/**
	 * The token to call Meta with for an event addressed to {@code accountId}: that of
	 * {@link #answering}; empty when that account is a sandbox account, which sends
	 * nothing.
	 */
	Optional<AccessToken> accessTokenOf(String accountId);

	/**
	 * The one account configured through {@code bot.meta.account-id} and
	 * {@code bot.meta.access-token}, for code and tests that run without Spring.
	 */
	static Accounts configured(MetaProperties meta) {
		return new ConfiguredAccounts(meta);
	}

}
