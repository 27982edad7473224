package dev.dmbot.server.accounts;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/**
 * The Redis keys of connected accounts: the business's own accounts and the pending
 * logins of admins, nothing about customers. They share the hash tag {@code {accounts}}
 * so that an account and the index change in one script on a Redis Cluster.
 */
@Component
public final class AccountKeys implements FeatureKeys {

	/** The ids of the connected accounts (a set). */
	public static final String IDS = "bot:{accounts}:ids";

	/**
	 * Prefix of {@code bot:{accounts}:account:<account>}, one hash per connected account
	 * (its access token encrypted).
	 */
	public static final String ACCOUNT_PREFIX = "bot:{accounts}:account:";

	/**
	 * Prefix of {@code bot:{accounts}:login:<state>}: a login started by an admin, until
	 * Meta sends the admin back or it expires.
	 */
	public static final String LOGIN_PREFIX = "bot:{accounts}:login:";

	/**
	 * Prefix of {@code bot:{accounts}:refresh:<account>}: the lease of the instance
	 * refreshing the account's token, so that one instance refreshes it.
	 */
	public static final String REFRESH_PREFIX = "bot:{accounts}:refresh:";

	/**
	 * The ids of the configured accounts ({@code bot.meta.access-token}) whose token Meta
	 * refused (a set).
	 */
	public static final String REFUSED_IDS = "bot:{accounts}:refused";

	/**
	 * Prefix of {@code bot:{accounts}:refused:<account>}: the configured account's token
	 * Meta refused, as when, why and the token's SHA-256 fingerprint (never the token),
	 * so that only a start-up with another token connects it again.
	 */
	public static final String REFUSED_PREFIX = "bot:{accounts}:refused:";

	/**
	 * Pub/sub channel on which an instance says that an account was disconnected or
	 * connected again, so every instance reads the accounts' connections at once.
	 */
	public static final String CONNECTIONS_CHANGED = "bot:{accounts}:connections-changed";

	/** The key of one connected account. */
	public static String account(String accountId) {
		return ACCOUNT_PREFIX + accountId;
	}

	/** The key of the lease on refreshing one account's token. */
	public static String refreshLease(String accountId) {
		return REFRESH_PREFIX + accountId;
	}

	/** The key of one pending login. */
	public static String login(String state) {
		return LOGIN_PREFIX + state;
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(KeyFamily.server("accounts", "ids", IDS).erased(Erasure.notPersonal()),
				KeyFamily.account("accounts", "account", ACCOUNT_PREFIX + "<account>").erased(Erasure.notPersonal()),
				KeyFamily.server("accounts", "login", LOGIN_PREFIX + "<state>")
					.erased(Erasure.notPersonal())
					.kept("bot.accounts.login-timeout (10 minutes), or until Meta sends the admin back"),
				KeyFamily.server("accounts", "refused-ids", REFUSED_IDS).erased(Erasure.notPersonal()),
				KeyFamily.account("accounts", "refused", REFUSED_PREFIX + "<account>")
					.erased(Erasure.notPersonal())
					.kept("until the server starts with another bot.meta.access-token"),
				KeyFamily.account("accounts", "refresh", REFRESH_PREFIX + "<account>")
					.erased(Erasure.notPersonal())
					.kept("while one instance refreshes the account's token, at most a few minutes "
							+ "(bot.accounts.request-timeout and bot.accounts.refresh-attempts decide the limit)"));
	}

}
