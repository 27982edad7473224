package dev.dmbot.server.accounts.connect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.accounts.AccountKeys;

/**
 * The {@code state} of Business Login, against cross-site request forgery: a random value
 * per login, stored in Redis for {@code bot.accounts.login-timeout}, taken (and so
 * deleted) by the first callback that presents it, and bound to the admin's browser by a
 * second random value that only that browser holds, in a cookie, whose digest is stored
 * with the state. A callback is accepted only with a known, unexpired, unused state and
 * the cookie of the browser that started it.
 */
@Component
class LoginStates {

	private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private final StateStore store;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration timeToLive;

	@Autowired
	LoginStates(StateStore store, JsonMapper json, Clock clock, LoginProperties properties) {
		this(store, json, clock, properties.loginTimeout());
	}

	LoginStates(StateStore store, JsonMapper json, Clock clock, Duration timeToLive) {
		this.store = store;
		this.json = json;
		this.clock = clock;
		this.timeToLive = timeToLive;
	}

	/** A new login of {@code admin}, sent back by Meta to {@code redirectUri}. */
	Started start(String admin, URI redirectUri) {
		String browserSecret = newSecret();
		PendingLogin login = new PendingLogin(admin, redirectUri, digest(browserSecret), this.clock.instant());
		String value = this.json.writeValueAsString(this.json.createObjectNode()
			.put("admin", login.admin())
			.put("redirectUri", login.redirectUri().toString())
			.put("browserDigest", login.browserDigest())
			.put("startedAt", login.startedAt().toString()));
		while (true) {
			String state = newSecret();
			if (this.store.put(AccountKeys.login(state), value, this.timeToLive)) {
				return new Started(state, browserSecret, login);
			}
		}
	}

	/**
	 * The login of this state, which can never be finished again.
	 * @param browserSecret the cookie of the browser that brings the state back; may be
	 * {@code null}
	 * @throws LoginFailedException when the state is unknown, used or expired, or the
	 * browser is not the one that started it
	 */
	PendingLogin finish(String state, String browserSecret) {
		if (state == null || !STATE.matcher(state).matches()) {
			throw LoginFailure.STATE_REFUSED.because("Meta sent back no state, or one this server never issues.");
		}
		Optional<String> stored = this.store.take(AccountKeys.login(state));
		if (stored.isEmpty()) {
			throw LoginFailure.STATE_REFUSED
				.because("No login is waiting for this state: it was used already, or more than "
						+ describe(this.timeToLive) + " went by since the button was pressed.");
		}
		PendingLogin login = read(stored.get());
		if (browserSecret == null || !MessageDigest.isEqual(digest(browserSecret).getBytes(StandardCharsets.US_ASCII),
				login.browserDigest().getBytes(StandardCharsets.US_ASCII))) {
			throw LoginFailure.OTHER_BROWSER.because(
					"The login was started by '" + login.admin() + "', but this browser does not carry its cookie.");
		}
		Instant expiry = login.startedAt().plus(this.timeToLive);
		if (this.clock.instant().isAfter(expiry)) {
			// Redis expires the state too; this holds when clocks and Redis disagree.
			throw LoginFailure.STATE_REFUSED.because("The login expired: more than " + describe(this.timeToLive)
					+ " went by since the button was pressed.");
		}
		return login;
	}

	/** The cookie that binds a login to the browser that started it. */
	static String cookieName(String state) {
		return "dmbot_login_" + state;
	}

	private PendingLogin read(String value) {
		JsonNode node = this.json.readTree(value);
		return new PendingLogin(node.path("admin").asString(null), URI.create(node.path("redirectUri").asString()),
				node.path("browserDigest").asString(), Instant.parse(node.path("startedAt").asString()));
	}

	private static String describe(Duration duration) {
		return (duration.toSeconds() % 60 == 0) ? duration.toMinutes() + " minutes" : duration.toSeconds() + " seconds";
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String digest(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	/**
	 * A login just started: the state for Meta, the secret for the admin's browser.
	 */
	record Started(String state, String browserSecret, PendingLogin login) {

		@Override
		public String toString() {
			return "Started[state=" + this.state + ", browserSecret=redacted]";
		}

	}

}
