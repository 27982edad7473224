package dev.dmbot.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Leases;

/**
 * Keeps the connected accounts' tokens alive: refreshes each token due
 * ({@link TokenRefreshPolicy}) with Meta, once across instances. The instance that takes
 * the account's lease ({@code bot:{accounts}:refresh:<account>}) reads the account again,
 * so a token another instance has just refreshed is no longer due, and stores the new
 * token only while the account still holds the token it refreshed, so a login that
 * connected the account again meanwhile is never overwritten.
 * <p>
 * Meta not answering, or answering 5xx or 429, is retried with backoff, then at the next
 * run. A refusal that means the token is lost (code 190, or a permission removed) marks
 * the account disconnected, with Meta's reason, and leaves the token as it was. Every
 * outcome is counted ({@code bot.accounts.token.refreshes}) and stored with the account,
 * where the Accounts page shows it; {@code bot.accounts.token.expiry.days} shows each
 * account's days left.
 */
@Component
class TokenRefresher {

	private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

	private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	private final ConnectedAccounts accounts;

	private final TokenRefreshClient meta;

	private final Leases leases;

	private final TokenRefreshProperties properties;

	private final TokenRefreshPolicy policy;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Retry retry;

	/** The token expiry of each account, as last read here, for the gauge. */
	private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

	/** Told of an account found disconnected; {@code null} when nobody listens. */
	private final AccountConnections connections;

	TokenRefresher(ConnectedAccounts accounts, TokenRefreshClient meta, Leases leases,
			TokenRefreshProperties properties, Clock clock, MeterRegistry meters) {
		this(accounts, meta, leases, properties, clock, meters, null);
	}

	@Autowired
	TokenRefresher(ConnectedAccounts accounts, TokenRefreshClient meta, Leases leases,
			TokenRefreshProperties properties, Clock clock, MeterRegistry meters, AccountConnections connections) {
		this.connections = connections;
		this.accounts = accounts;
		this.meta = meta;
		this.leases = leases;
		this.properties = properties;
		this.policy = new TokenRefreshPolicy(properties.refreshBefore());
		this.clock = clock;
		this.meters = meters;
		this.retry = Retry.of("token-refresh",
				RetryConfig.custom()
					.maxAttempts(properties.refreshAttempts())
					.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.refreshBackoff(), 2.0, 0.5,
							properties.longestBackoff()))
					.retryOnException((ex) -> ex instanceof TokenRefreshClient.Unavailable)
					.build());
	}

	/**
	 * Shows each account's days left from the start, not only from the first run a minute
	 * later.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void gaugeConnectedAccounts() {
		try {
			this.accounts.list().forEach(this::gauge);
		}
		catch (RuntimeException ex) {
			log.debug("Token expiries not gauged at start-up: {}", ex.toString());
		}
	}

	/**
	 * Refreshes every token due now that no other instance is refreshing.
	 * @return how each refresh done here ended, by account
	 */
	Map<String, TokenRefreshOutcome> refreshDue() {
		Map<String, TokenRefreshOutcome> outcomes = new LinkedHashMap<>();
		if (!this.accounts.canStoreTokens()) {
			// No key: no token can be read or stored; ConnectedAccounts warned at
			// start-up.
			return outcomes;
		}
		Instant now = this.clock.instant();
		for (AccountDetails account : this.accounts.list()) {
			gauge(account);
			if (this.policy.due(account, now)) {
				try {
					refresh(account.id()).ifPresent((outcome) -> outcomes.put(account.id(), outcome));
				}
				catch (RuntimeException ex) {
					// Redis away, or a token no key reads: the other accounts go on.
					log.warn("The access token of Instagram account {} was not refreshed: {}. Tried again in {}.",
							account.id(), ex.getMessage(), every());
				}
			}
		}
		return outcomes;
	}

	/**
	 * Refreshes the account's token if it is still due once this instance holds its
	 * lease.
	 * @return how it ended; empty when another instance holds the lease or the token is
	 * not due any more
	 */
	Optional<TokenRefreshOutcome> refresh(String accountId) {
		Optional<Leases.Lease> lease = this.leases.take(AccountKeys.refreshLease(accountId),
				this.properties.leaseLimit());
		if (lease.isEmpty()) {
			return Optional.empty();
		}
		try {
			Optional<ConnectedAccounts.HeldToken> held = this.accounts.held(accountId);
			if (held.isEmpty() || !this.policy.due(held.get().details(), this.clock.instant())) {
				return Optional.empty();
			}
			TokenRefreshOutcome outcome = refresh(held.get());
			this.meters.counter("bot.accounts.token.refreshes", "outcome", outcome.tag()).increment();
			return Optional.of(outcome);
		}
		finally {
			release(lease.get());
		}
	}

	private TokenRefreshOutcome refresh(ConnectedAccounts.HeldToken held) {
		AccountDetails account = held.details();
		try {
			TokenRefreshClient.Refreshed fresh = this.retry
				.executeSupplier(() -> this.meta.refresh(held.account().token()));
			Instant now = this.clock.instant();
			Instant expiresAt = now.plus(fresh.expiresIn());
			if (!this.accounts.tokenRefreshed(held, fresh.token(), now, expiresAt)) {
				log.info("The access token of Instagram account {} was refreshed, but the account was connected "
						+ "again meanwhile; the newer connection was kept", account.id());
				return TokenRefreshOutcome.SUPERSEDED;
			}
			this.expiries.put(account.id(), expiresAt);
			log.info("The access token of Instagram account {} ({}) was refreshed; it now expires at {}", account.id(),
					name(account), expiresAt);
			return TokenRefreshOutcome.REFRESHED;
		}
		catch (TokenRefreshClient.Refused ex) {
			Instant now = this.clock.instant();
			if (!ex.tokenLost()) {
				this.accounts.refreshFailed(held, now, ex.getMessage());
				log.warn(
						"The access token of Instagram account {} ({}) could not be refreshed: {}. Tried again in "
								+ "{}; it expires at {}.",
						account.id(), name(account), ex.getMessage(), every(), account.tokenExpiresAt());
				return TokenRefreshOutcome.FAILED;
			}
			if (!this.accounts.disconnected(held, now, ex.getMessage())) {
				return TokenRefreshOutcome.SUPERSEDED;
			}
			log.warn(
					"Instagram account {} ({}) is disconnected: Meta no longer accepts its access token ({}). "
							+ "The bot cannot answer it until the account is connected again: open the Accounts page "
							+ "(/accounts/), press \"Connect an Instagram account\" and log in as {}.",
					account.id(), name(account), ex.getMessage(), name(account));
			if (this.connections != null) {
				this.connections.refreshRefused(account, ex.getMessage(), now);
			}
			return TokenRefreshOutcome.DISCONNECTED;
		}
		catch (TokenRefreshClient.Unavailable ex) {
			this.accounts.refreshFailed(held, this.clock.instant(), ex.getMessage());
			log.warn(
					"The access token of Instagram account {} ({}) could not be refreshed after {} tries: {}. "
							+ "Tried again in {}; it expires at {}.",
					account.id(), name(account), this.properties.refreshAttempts(), ex.getMessage(), every(),
					account.tokenExpiresAt());
			return TokenRefreshOutcome.FAILED;
		}
	}

	private void release(Leases.Lease lease) {
		try {
			lease.release();
		}
		catch (RuntimeException ex) {
			// The lease lapses by itself at its time limit.
			log.debug("{} not released: {}", lease, ex.toString());
		}
	}

	private void gauge(AccountDetails account) {
		if (account.tokenExpiresAt() == null) {
			return;
		}
		if (this.expiries.put(account.id(), account.tokenExpiresAt()) == null) {
			Gauge.builder("bot.accounts.token.expiry.days", this, (refresher) -> refresher.daysLeft(account.id()))
				.description("Days until the connected account's access token expires unless refreshed; refreshed "
						+ "automatically once it is within bot.accounts.refresh-before")
				.tag("account", account.id())
				.register(this.meters);
		}
	}

	private double daysLeft(String accountId) {
		Instant expiresAt = this.expiries.get(accountId);
		if (expiresAt == null) {
			return Double.NaN;
		}
		return Duration.between(this.clock.instant(), expiresAt).toSeconds() / SECONDS_PER_DAY;
	}

	/** {@code bot.accounts.refresh-every} as written in the configuration: 1h, 30m. */
	private String every() {
		return this.properties.refreshEvery().toString().substring(2).toLowerCase(Locale.ROOT);
	}

	private static String name(AccountDetails account) {
		return (account.username() != null) ? "@" + account.username() : "username unknown";
	}

}
