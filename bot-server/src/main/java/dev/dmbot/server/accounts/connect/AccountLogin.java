package dev.dmbot.server.accounts.connect;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.dmbot.server.access.AccessProperties;
import dev.dmbot.server.accounts.AccountConnections;
import dev.dmbot.server.accounts.AccountStatus;
import dev.dmbot.server.accounts.ConnectedAccount;
import dev.dmbot.server.accounts.ConnectedAccounts;
import dev.dmbot.server.accounts.EncryptionKeyMissingException;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.TransientException;

/**
 * Business Login for Instagram, from the button to a connected account: the authorization
 * URL with a fresh {@code state}, then, when Meta sends the admin back, the code for a
 * short-lived token, that for a long-lived one, who the account is, its webhook
 * subscription and Meta's confirmation of it. The account is stored only after every step
 * succeeded, so a failure at any step leaves nothing behind.
 */
@Component
class AccountLogin {

	private static final Logger log = LoggerFactory.getLogger(AccountLogin.class);

	private final LoginProperties properties;

	private final MetaProperties meta;

	private final AccessProperties access;

	private final LoginStates states;

	private final InstagramLoginClient instagram;

	private final ConnectedAccounts accounts;

	private final Clock clock;

	/** Told of each account stored, so that one disconnected is answered again. */
	private final Consumer<String> connected;

	AccountLogin(LoginProperties properties, MetaProperties meta, AccessProperties access, LoginStates states,
			InstagramLoginClient instagram, ConnectedAccounts accounts, Clock clock) {
		this(properties, meta, access, states, instagram, accounts, clock, (accountId) -> {
		});
	}

	@Autowired
	AccountLogin(LoginProperties properties, MetaProperties meta, AccessProperties access, LoginStates states,
			InstagramLoginClient instagram, ConnectedAccounts accounts, Clock clock, AccountConnections connections) {
		this(properties, meta, access, states, instagram, accounts, clock, connections::connectedAgain);
	}

	private AccountLogin(LoginProperties properties, MetaProperties meta, AccessProperties access, LoginStates states,
			InstagramLoginClient instagram, ConnectedAccounts accounts, Clock clock, Consumer<String> connected) {
		this.connected = connected;
		this.properties = properties;
		this.meta = meta;
		this.access = access;
		this.states = states;
		this.instagram = instagram;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** What is missing before an account can be connected; empty when nothing is. */
	List<String> missingSettings() {
		List<String> missing = new ArrayList<>();
		if (this.properties.instagramAppId() == null) {
			missing.add("bot.accounts.instagram-app-id is not set: copy the Instagram app id from the App Dashboard "
					+ "(Instagram → API setup with Instagram login → Business login settings).");
		}
		if (this.properties.appSecret(this.meta) == null) {
			missing.add("bot.accounts.instagram-app-secret is not set (nor bot.meta.app-secret-alt or "
					+ "bot.meta.app-secret): copy the Instagram app secret from the same page.");
		}
		String adminToken = this.access.adminToken();
		if ((adminToken == null && this.meta.sandbox()) || AccessProperties.SANDBOX_ADMIN_TOKEN.equals(adminToken)) {
			// A real account must not be run by whoever knows the documented sandbox
			// token.
			missing.add("bot.security.admin-token is not set, so the admin API accepts the documented sandbox token: "
					+ "set a token of your own (openssl rand -base64 32) before connecting a real account.");
		}
		if (!this.accounts.canStoreTokens()) {
			try {
				this.accounts.requireTokenStorage("Connecting an account");
			}
			catch (EncryptionKeyMissingException ex) {
				missing.add(ex.getMessage());
			}
		}
		return missing;
	}

	/**
	 * A new login by {@code admin}: where to send the admin's browser, and the secret the
	 * browser keeps in a cookie until Meta sends it back.
	 * @param requestBase this server's address as the admin's request reached it, used
	 * when no property gives the redirect URI
	 * @throws LoginFailedException ({@link LoginFailure#NOT_CONFIGURED}) when a setting
	 * is missing
	 */
	Authorization start(String admin, String requestBase) {
		List<String> missing = missingSettings();
		if (!missing.isEmpty()) {
			throw LoginFailure.NOT_CONFIGURED.because(String.join(" ", missing));
		}
		URI redirectUri = this.properties.redirectUri(requestBase);
		LoginStates.Started started;
		try {
			started = this.states.start(admin, redirectUri);
		}
		catch (TransientException ex) {
			throw LoginFailure.STORE_UNAVAILABLE.because("The login could not be started: " + ex.getMessage());
		}
		URI authorize = URI.create(this.properties.authorizeUrl() + "?client_id=" + this.properties.instagramAppId()
				+ "&redirect_uri=" + encode(redirectUri.toString()) + "&response_type=code&scope="
				+ encode(String.join(",", LoginProperties.SCOPES)) + "&state=" + started.state());
		return new Authorization(authorize, started.state(), started.browserSecret(), redirectUri);
	}

	/**
	 * Finishes the login Meta sent back.
	 * @param callback what Meta put in the redirect URI's query
	 * @param browserSecret the login's cookie, {@code null} when the browser sent none
	 * @return the account, connected and stored
	 * @throws LoginFailedException naming the step that failed; nothing was stored
	 */
	ConnectedAccount finish(Callback callback, String browserSecret) {
		PendingLogin login;
		try {
			login = this.states.finish(callback.state(), browserSecret);
		}
		catch (LoginFailedException ex) {
			if (callback.error() != null) {
				// Nothing was going to be done: the refusal is what the admin needs to
				// hear.
				throw denied(callback);
			}
			throw ex;
		}
		catch (TransientException ex) {
			throw LoginFailure.STORE_UNAVAILABLE.because("The login could not be looked up: " + ex.getMessage());
		}
		if (callback.error() != null) {
			throw denied(callback);
		}
		if (callback.code() == null || callback.code().isBlank()) {
			throw LoginFailure.CODE_REFUSED.because("Meta sent the browser back without an authorization code.");
		}
		List<String> missing = missingSettings();
		if (!missing.isEmpty()) {
			throw LoginFailure.NOT_CONFIGURED.because(String.join(" ", missing));
		}
		String appSecret = this.properties.appSecret(this.meta);
		String code = callback.code().endsWith("#_") ? callback.code().substring(0, callback.code().length() - 2)
				: callback.code();

		InstagramLoginClient.ShortLivedToken shortLived = this.instagram.exchangeCode(this.properties.instagramAppId(),
				appSecret, login.redirectUri(), code);
		List<String> notGranted = new ArrayList<>(LoginProperties.SCOPES);
		notGranted.removeAll(shortLived.permissions());
		if (!shortLived.permissions().isEmpty() && !notGranted.isEmpty()) {
			throw LoginFailure.PERMISSION_MISSING.because("Not granted: " + String.join(", ", notGranted) + ".");
		}
		InstagramLoginClient.LongLivedToken longLived = this.instagram.exchangeForLongLived(appSecret, shortLived);
		InstagramLoginClient.Profile profile = this.instagram.me(longLived.token());
		List<String> fields = this.properties.subscribedFields();
		this.instagram.subscribe(longLived.token(), fields);
		Set<String> confirmed = this.instagram.subscribedFields(longLived.token());
		List<String> unconfirmed = fields.stream().filter((field) -> !confirmed.contains(field)).toList();
		if (!unconfirmed.isEmpty()) {
			throw LoginFailure.SUBSCRIPTION_NOT_CONFIRMED.because("Asked for " + String.join(", ", fields)
					+ "; Meta lists " + (confirmed.isEmpty() ? "none" : String.join(", ", confirmed))
					+ ", so these are missing: " + String.join(", ", unconfirmed) + ".");
		}

		Instant now = this.clock.instant();
		ConnectedAccount account = new ConnectedAccount(profile.userId(), profile.username(), longLived.token(),
				now.plus(longLived.expiresIn()), now, login.admin(), AccountStatus.CONNECTED, fields);
		try {
			this.accounts.save(account);
		}
		catch (TransientException ex) {
			throw LoginFailure.STORE_UNAVAILABLE.because(ex.getMessage());
		}
		catch (EncryptionKeyMissingException ex) {
			throw LoginFailure.NOT_CONFIGURED.because(ex.getMessage());
		}
		log.info("Instagram account {} (@{}) connected by '{}'; its token expires at {}", account.id(),
				account.username(), account.connectedBy(), account.tokenExpiresAt());
		try {
			this.connected.accept(account.id());
		}
		catch (RuntimeException ex) {
			// The account is stored connected; every instance reads it so within
			// AccountConnections.RECHECK.
			log.warn("Instagram account {} was connected, but the other instances were not told at once: {}",
					account.id(), ex.getMessage());
		}
		return account;
	}

	private static LoginFailedException denied(Callback callback) {
		String said = (callback.errorDescription() != null) ? callback.errorDescription()
				: (callback.errorReason() != null) ? callback.errorReason() : callback.error();
		if ("access_denied".equals(callback.error())) {
			return LoginFailure.DENIED.because("Meta said: \"" + said + "\"");
		}
		return LoginFailure.META_REFUSED
			.because("Meta sent the browser back with the error '" + callback.error() + "': \"" + said + "\".");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A login just started.
	 *
	 * @param url where to send the admin's browser: Meta's authorization window
	 * @param state the login's state
	 * @param browserSecret the value of the login's cookie
	 * @param redirectUri where Meta sends the browser back
	 */
	record Authorization(URI url, String state, String browserSecret, URI redirectUri) {

		@Override
		public String toString() {
			return "Authorization[url=" + this.url + ", browserSecret=redacted]";
		}

	}

	/** What Meta puts in the redirect URI's query. */
	record Callback(String code, String state, String error, String errorReason, String errorDescription) {

		@Override
		public String toString() {
			return "Callback[code=" + (this.code == null ? "none" : "redacted") + ", state=" + this.state + ", error="
					+ this.error + "]";
		}

	}

}
