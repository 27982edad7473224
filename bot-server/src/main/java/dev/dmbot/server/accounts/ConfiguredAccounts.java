package dev.dmbot.server.accounts;

import java.util.List;
import java.util.Optional;

import dev.dmbot.server.system.MetaProperties;

/**
 * The account of {@code bot.meta}: its id ({@link MetaProperties#SANDBOX_ACCOUNT_ID} when
 * unset) and token (none in sandbox mode). The only reader of
 * {@code bot.meta.access-token} in the server; everything that calls Meta asks
 * {@link Accounts} for a token. On the server it is the first of the
 * {@link ServedAccounts}.
 */
final class ConfiguredAccounts implements Accounts {

	private final Account account;

	private final AccessToken token;

	ConfiguredAccounts(MetaProperties meta) {
		this.account = new Account(meta.accountId(), null, meta.sandbox());
		this.token = meta.sandbox() ? null : AccessToken.of(meta.accessToken());
	}

	/** The configured account itself. */
	Account account() {
		return this.account;
	}

	@Override
	public List<Account> all() {
		return List.of(this.account);
	}

	@Override
	public Optional<Account> find(String accountId) {
		return this.account.id().equals(accountId) ? Optional.of(this.account) : Optional.empty();
	}

	@Override
	public Account answering(String accountId) {
		// Not served: answered as the configured account, as before accounts were named.
		return find(accountId).orElse(this.account);
	}

	@Override
	public Optional<AccessToken> accessTokenOf(String accountId) {
		return answering(accountId).sandbox() ? Optional.empty() : Optional.of(this.token);
	}

	@Override
	public String toString() {
		return "ConfiguredAccounts" + all();
	}

}
