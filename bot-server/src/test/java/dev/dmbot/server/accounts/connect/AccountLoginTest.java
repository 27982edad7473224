package dev.dmbot.server.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.access.AccessProperties;
import dev.dmbot.server.accounts.ConnectedAccounts;
import dev.dmbot.server.accounts.EncryptionProperties;
import dev.dmbot.server.platform.redis.HashRecords;
import dev.dmbot.server.system.MetaProperties;

/**
 * Starting a login: the authorization URL Meta's documentation asks for, and a plain
 * refusal naming what to set when the server cannot connect accounts yet. (The whole flow
 * runs against a fake Meta in {@code AccountLoginIT}.)
 */
class AccountLoginTest {

	static final String KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

	final Map<String, String> stored = new HashMap<>();

	AccountLogin login(String appId, String key) {
		return login(appId, key, "an-admin-token-of-our-own");
	}

	AccountLogin login(String appId, String key, String adminToken) {
		LoginProperties properties = LoginPropertiesTest.properties(appId, "instagram-secret",
				URI.create("https://bot.example.com"), null);
		MetaProperties meta = LoginPropertiesTest.meta("app-secret", null);
		JsonMapper json = JsonMapper.builder().build();
		StateStore store = new StateStore() {
			@Override
			public boolean put(String k, String value, Duration timeToLive) {
				return AccountLoginTest.this.stored.putIfAbsent(k, value) == null;
			}

			@Override
			public Optional<String> take(String k) {
				return Optional.ofNullable(AccountLoginTest.this.stored.remove(k));
			}
		};
		// No Redis call happens before a login finishes.
		ConnectedAccounts accounts = new ConnectedAccounts(new HashRecords(null),
				new EncryptionProperties(key, List.of()));
		return new AccountLogin(properties, meta, new AccessProperties(adminToken),
				new LoginStates(store, json, Clock.systemUTC(), properties),
				new InstagramLoginClient(properties, meta, json), accounts, Clock.systemUTC());
	}

	@Test
	void theAuthorizationUrlCarriesTheAppTheRedirectUriTheScopesAndAFreshState() {
		AccountLogin.Authorization authorization = login("990011223344", KEY).start("maria", "http://10.0.0.7:8080");

		assertThat(authorization.url().toString()).isEqualTo("https://www.instagram.com/oauth/authorize"
				+ "?client_id=990011223344&redirect_uri=https%3A%2F%2Fbot.example.com%2Faccounts%2Fcallback"
				+ "&response_type=code&scope=instagram_business_basic%2Cinstagram_business_manage_messages"
				+ "%2Cinstagram_business_manage_comments&state=" + authorization.state());
		assertThat(authorization.redirectUri()).isEqualTo(URI.create("https://bot.example.com/accounts/callback"));
		assertThat(this.stored).hasSize(1);
		assertThat(authorization.toString()).doesNotContain(authorization.browserSecret());
	}

	@Test
	void withoutAnEncryptionKeyNoLoginStartsAndTheRefusalSaysHowToMakeOne() {
		AccountLogin login = login("990011223344", null);

		assertThat(login.missingSettings()).singleElement()
			.asString()
			.contains("bot.security.encryption-key")
			.contains("openssl rand -base64 32");
		assertThatThrownBy(() -> login.start("maria", "http://localhost:8080"))
			.isInstanceOfSatisfying(LoginFailedException.class,
					(ex) -> assertThat(ex.failure()).isEqualTo(LoginFailure.NOT_CONFIGURED))
			.hasMessageContaining("bot.security.encryption-key");
		assertThat(this.stored).as("no state was issued").isEmpty();
	}

	@Test
	void theDocumentedSandboxAdminTokenMayNotConnectARealAccount() {
		assertThat(login("990011223344", KEY, AccessProperties.SANDBOX_ADMIN_TOKEN).missingSettings()).singleElement()
			.asString()
			.contains("bot.security.admin-token");
	}

	@Test
	void withoutAnInstagramAppIdTheRefusalSaysWhereToFindIt() {
		assertThat(login(null, KEY).missingSettings()).singleElement()
			.asString()
			.contains("bot.accounts.instagram-app-id")
			.contains("Business login settings");
	}

}
