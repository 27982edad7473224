package dev.dmbot.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.ChannelSubscription;
import dev.dmbot.server.platform.redis.Channels;
import dev.dmbot.server.platform.redis.HashRecordSet;
import dev.dmbot.server.platform.redis.HashRecords;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.Periodic;

/**
 * The one place that knows whether an account is disconnected (Meta refuses its token),
 * for both kinds of account: one connected through Business Login (the status of its
 * stored record) and the account of {@code bot.meta.access-token} (a record of its own,
 * {@code bot:{accounts}:refused:<account>}, with when, why and the SHA-256 fingerprint of
 * the token refused, never the token).
 * <p>
 * {@link #isDisconnected} answers from memory, so asking costs no Redis command. The view
 * is read again whenever an instance says on {@link AccountKeys#CONNECTIONS_CHANGED} that
 * an account was disconnected or connected again, so it changes on every instance at
 * once, and every {@link #RECHECK} in case a message was missed.
 * <p>
 * A refusal is marked once across instances (a compare-and-set on the record), and only
 * the instance that marked it counts it ({@code bot.accounts.disconnections}), logs it
 * and publishes {@link AccountDisconnected}. A connection again publishes
 * {@link AccountReconnected}.
 */
@Component
public class AccountConnections implements SmartLifecycle {

	/** How often the view is read again even when no instance said anything. */
	static final Duration RECHECK = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(AccountConnections.class);

	private final ConnectedAccounts connected;

	private final ServedAccounts served;

	private final HashRecordSet refused;

	private final Channels channels;

	private final ConfiguredAccounts configured;

	/** Of {@code bot.meta.access-token}; {@code null} in sandbox mode. */
	private final String configuredFingerprint;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	private volatile Set<String> disconnected = Set.of();

	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	private volatile ChannelSubscription subscription;

	private volatile Periodic scheduler;

	AccountConnections(ConnectedAccounts connected, ServedAccounts served, HashRecords records, Channels channels,
			MetaProperties meta, Clock clock, MeterRegistry meters, ApplicationEventPublisher events) {
		this.connected = connected;
		this.served = served;
		this.refused = records.named(AccountKeys.REFUSED_IDS, AccountKeys.REFUSED_PREFIX);
		this.channels = channels;
		this.configured = new ConfiguredAccounts(meta);
		this.configuredFingerprint = meta.sandbox() ? null : fingerprint(meta.accessToken());
		this.clock = clock;
		this.meters = meters;
		this.events = events;
	}

	/** Whether Meta refused the account's token and it was not connected again since. */
	public boolean isDisconnected(String accountId) {
		return accountId != null && this.disconnected.contains(accountId);
	}

	/**
	 * Meta refused the token the server sent with for an event of {@code accountId} (code
	 * 190 or a permission removed): marks the account that answers it disconnected, at
	 * once on every instance.
	 * @param reason what Meta said, never the token
	 */
	public void tokenRefused(String accountId, String reason) {
		if (isDisconnected(accountId)) {
			return;
		}
		try {
			markRefused(accountId, reason);
		}
		catch (RuntimeException ex) {
			// Redis away, or a token no key reads: the refusal is met again at the next
			// send, and the caller's reply is kept in the dead letters meanwhile.
			log.error("Meta refused the access token of Instagram account {} ({}), but the account could not be "
					+ "marked disconnected: {}", accountId, reason, ex.getMessage());
		}
	}

	private void markRefused(String accountId, String reason) {
		Instant now = this.clock.instant();
		Optional<ConnectedAccounts.HeldToken> held = (this.configured.find(accountId).isPresent()) ? Optional.empty()
				: this.connected.held(accountId);
		if (held.isPresent()) {
			Optional<AccessToken> used = this.served.accessTokenOf(accountId);
			if (used.isPresent() && !used.get().equals(held.get().account().token())) {
				// Refused a token this instance still remembered: the account was
				// connected again since, so its new token is read for the next send.
				this.served.forget(accountId);
				log.info("Meta refused the previous access token of Instagram account {}; it was connected again "
						+ "since and is answered with its new token", accountId);
				return;
			}
			markLocally(accountId);
			if (this.connected.disconnectedBySend(held.get(), now, reason)) {
				announce(new AccountDisconnected(accountId, held.get().account().username(), reason, now, false));
			}
			return;
		}
		// Not a connected account: the configured account's token answered it.
		String configuredId = this.configured.account().id();
		if (this.configuredFingerprint == null || isDisconnected(configuredId)) {
			return;
		}
		markLocally(configuredId);
		if (markConfigured(configuredId, now, reason)) {
			announce(new AccountDisconnected(configuredId, null, reason, now, true));
		}
	}

	/**
	 * The token refresh found a connected account's token lost and marked the account
	 * disconnected: told on every instance, counted, logged and announced like a refusal
	 * met when sending.
	 */
	void refreshRefused(AccountDetails account, String reason, Instant at) {
		markLocally(account.id());
		announce(new AccountDisconnected(account.id(), account.username(), reason, at, false));
	}

	/**
	 * A Business Login stored the account again, connected: every instance answers it
	 * again, and what it received meanwhile is answered ({@link AccountReconnected}).
	 */
	public void connectedAgain(String accountId) {
		boolean was = isDisconnected(accountId);
		Set<String> now = new HashSet<>(this.disconnected);
		now.remove(accountId);
		this.disconnected = Set.copyOf(now);
		tellEveryInstance();
		if (was) {
			log.info("Instagram account {} is connected again; the messages it received meanwhile are answered",
					accountId);
		}
		this.events.publishEvent(new AccountReconnected(accountId, this.clock.instant()));
	}

	/**
	 * Reads which accounts are disconnected from Redis: the connected accounts' status
	 * and the configured account's refused token, if it is still the token configured.
	 */
	void reread() {
		Set<String> now = new HashSet<>();
		String configuredId = this.configured.account().id();
		gauge(configuredId);
		for (AccountDetails account : this.connected.list()) {
			if (this.configured.find(account.id()).isEmpty()) {
				gauge(account.id());
				if (account.status() == AccountStatus.DISCONNECTED) {
					now.add(account.id());
				}
			}
		}
		if (this.configuredFingerprint != null && this.refused.find(configuredId)
			.map((record) -> this.configuredFingerprint.equals(record.get("fingerprint")))
			.orElse(false)) {
			now.add(configuredId);
		}
		Set<String> before = this.disconnected;
		this.disconnected = Set.copyOf(now);
		for (String accountId : before) {
			if (!now.contains(accountId)) {
				// Connected again on another instance (or its message was missed): what
				// it received meanwhile is moved back once, whoever sees it first.
				this.events.publishEvent(new AccountReconnected(accountId, this.clock.instant()));
			}
		}
	}

	/**
	 * At start-up: a configured token whose fingerprint differs from the refused one was
	 * replaced, so the configured account is connected again.
	 */
	void checkConfiguredToken() {
		if (this.configuredFingerprint == null) {
			return;
		}
		String configuredId = this.configured.account().id();
		Optional<Map<String, String>> record = this.refused.find(configuredId);
		if (record.isEmpty() || this.configuredFingerprint.equals(record.get().get("fingerprint"))) {
			if (record.isPresent()) {
				log.error("Instagram account {} is still disconnected: Meta refused bot.meta.access-token at {} ({}) "
						+ "and the server started with the same token. Set bot.meta.access-token to a new token "
						+ "and restart.", configuredId, record.get().get("at"), record.get().get("reason"));
			}
			return;
		}
		if (this.refused.remove(configuredId)) {
			log.info("Instagram account {} is connected again: the server started with another "
					+ "bot.meta.access-token than the one Meta refused", configuredId);
			connectedAgain(configuredId);
		}
	}

	private boolean markConfigured(String accountId, Instant at, String reason) {
		Optional<Map<String, String>> record = this.refused.find(accountId);
		if (record.isPresent() && this.configuredFingerprint.equals(record.get().get("fingerprint"))) {
			return false;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("account", accountId);
		fields.put("at", at.toString());
		fields.put("reason", reason);
		fields.put("fingerprint", this.configuredFingerprint);
		this.refused.put(accountId, fields);
		return true;
	}

	private void markLocally(String accountId) {
		Set<String> now = new HashSet<>(this.disconnected);
		now.add(accountId);
		this.disconnected = Set.copyOf(now);
		gauge(accountId);
	}

	private void announce(AccountDisconnected disconnection) {
		tellEveryInstance();
		this.meters.counter("bot.accounts.disconnections").increment();
		log.error(
				"Instagram account {} is disconnected: Meta refused its access token ({}). Its messages are kept "
						+ "and answered once it is connected again; to connect it, {}.",
				disconnection.accountId(), disconnection.reason(), disconnection.whatToDo());
		this.events.publishEvent(disconnection);
	}

	private void tellEveryInstance() {
		try {
			this.channels.publish(AccountKeys.CONNECTIONS_CHANGED, "changed");
		}
		catch (RuntimeException ex) {
			// The others see it at their next re-read.
			log.warn("Other instances were not told of an account's connection at once: {}", ex.getMessage());
		}
	}

	private void gauge(String accountId) {
		if (this.gauged.add(accountId)) {
			Gauge
				.builder("bot.account.disconnected", this,
						(connections) -> connections.isDisconnected(accountId) ? 1 : 0)
				.description("1 while Meta refuses the account's access token and it is not connected again")
				.tag("account", accountId)
				.register(this.meters);
		}
	}

	private void rereadQuietly() {
		try {
			reread();
		}
		catch (RuntimeException ex) {
			log.warn("Which accounts are disconnected was not read again: {}. Tried again in {}s.", ex.getMessage(),
					RECHECK.toSeconds());
		}
	}

	static String fingerprint(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public void start() {
		try {
			checkConfiguredToken();
		}
		catch (RuntimeException ex) {
			log.warn("Whether bot.meta.access-token was replaced was not checked: {}", ex.getMessage());
		}
		rereadQuietly();
		// The subscription reads the view again each time it (re)subscribes too.
		this.subscription = this.channels.subscribe(AccountKeys.CONNECTIONS_CHANGED, "account-connections",
				this::rereadQuietly);
		this.scheduler = Periodic.every("account-connections-", RECHECK, RECHECK, this::rereadQuietly);
	}

	@Override
	public void stop() {
		Periodic periodic = this.scheduler;
		this.scheduler = null;
		if (periodic != null) {
			periodic.close();
		}
		ChannelSubscription current = this.subscription;
		this.subscription = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		// Before the intake starts handling events, which asks whether accounts are
		// disconnected.
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

}
