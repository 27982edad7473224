package dev.dmbot.server.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.TransientException;

/**
 * The accounts the server answers for: the account configured through
 * {@code bot.meta.account-id} and {@code bot.meta.access-token} first, exactly as before,
 * then the accounts connected through Business Login ({@link ConnectedAccounts}). An
 * event for a connected account is answered with that account's token; an event for any
 * other account follows the configured account (see {@link Accounts}).
 * <p>
 * The configured account never costs a Redis call. A connected account (or the absence of
 * one) is read from Redis and kept for {@link #REMEMBERED}, so the webhook and the sends
 * of a busy account, or a flood of events for an account not served, cost Redis one read
 * per account in that time; a connection made on one instance holds on every instance
 * within it.
 */
@Component
final class ServedAccounts implements Accounts {

	private static final Logger log = LoggerFactory.getLogger(ServedAccounts.class);

	private final ConfiguredAccounts configured;

	private final ConnectedAccounts connected;

	private final Cache<String, Optional<AccountDetails>> details;

	private final Cache<String, Optional<ConnectedAccount>> withTokens;

	ServedAccounts(MetaProperties meta, ConnectedAccounts connected, AccountsProperties properties) {
		this.details = remembered(properties.rememberFor());
		this.withTokens = remembered(properties.rememberFor());
		this.configured = new ConfiguredAccounts(meta);
		this.connected = connected;
	}

	@Override
	public List<Account> all() {
		List<Account> all = new ArrayList<>(this.configured.all());
		try {
			for (AccountDetails account : this.connected.list()) {
				if (this.configured.find(account.id()).isEmpty()) {
					all.add(account.account());
				}
			}
		}
		catch (TransientException ex) {
			// The configured account is still served; the connected ones are read again
			// next time.
			log.warn("Connected accounts could not be read from Redis: {}", ex.getMessage());
		}
		return all;
	}

	@Override
	public Optional<Account> find(String accountId) {
		Optional<Account> configured = this.configured.find(accountId);
		if (configured.isPresent() || accountId == null) {
			return configured;
		}
		// A failed read (TransientException) is not remembered: Caffeine keeps no entry.
		return this.details.get(accountId, this.connected::details).map(AccountDetails::account);
	}

	@Override
	public Account answering(String accountId) {
		// Not served: answered as the configured account, as before accounts were named.
		return find(accountId).orElse(this.configured.account());
	}

	@Override
	public Optional<AccessToken> accessTokenOf(String accountId) {
		if (accountId != null && this.configured.find(accountId).isEmpty()) {
			Optional<ConnectedAccount> connected = this.withTokens.get(accountId, this.connected::find);
			if (connected.isPresent()) {
				return Optional.of(connected.get().token());
			}
		}
		return this.configured.accessTokenOf(accountId);
	}

	/**
	 * Forgets what was read of the account, so the next event or send reads it again: it
	 * was connected again, here or on another instance, with a new token.
	 */
	@EventListener
	void reconnected(AccountReconnected reconnected) {
		forget(reconnected.accountId());
	}

	void forget(String accountId) {
		this.details.invalidate(accountId);
		this.withTokens.invalidate(accountId);
	}

	@Override
	public String toString() {
		return "ServedAccounts[configured=" + this.configured.account() + ", " + this.connected + "]";
	}

	private static <V> Cache<String, V> remembered(Duration remembered) {
		return Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(10_000).build();
	}

}
