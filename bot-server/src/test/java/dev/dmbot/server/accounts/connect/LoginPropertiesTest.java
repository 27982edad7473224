package dev.dmbot.server.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.system.MetaProperties;

/**
 * The settings of Business Login: where the redirect URI comes from, which secret
 * exchanges codes, and the messages of bad values.
 */
class LoginPropertiesTest {

	static LoginProperties properties(String appId, String secret, URI publicUrl, URI redirectUri) {
		return new LoginProperties(appId, secret, publicUrl, redirectUri,
				URI.create("https://www.instagram.com/oauth/authorize"),
				URI.create("https://api.instagram.com/oauth/access_token"), List.of("messages", "comments"),
				Duration.ofMinutes(10), Duration.ofSeconds(10));
	}

	static MetaProperties meta(String appSecret, String appSecretAlt) {
		return new MetaProperties(appSecret, appSecretAlt, null, null, null,
				URI.create("https://graph.instagram.com/v25.0"));
	}

	@Test
	void theRedirectUriIsTheCallbackUnderThePublicUrlElseUnderTheRequest() {
		assertThat(properties("1", null, URI.create("https://bot.example.com/"), null).redirectUri("http://10.0.0.7"))
			.isEqualTo(URI.create("https://bot.example.com/accounts/callback"));
		assertThat(properties("1", null, null, null).redirectUri("http://localhost:8080"))
			.isEqualTo(URI.create("http://localhost:8080/accounts/callback"));
		URI explicit = URI.create("https://login.example.com/ig/back");
		assertThat(properties("1", null, URI.create("https://bot.example.com"), explicit).redirectUri("http://x"))
			.isEqualTo(explicit);
	}

	@Test
	void theInstagramAppSecretIsItsOwnPropertyElseTheMetaSecrets() {
		assertThat(properties("1", "own", null, null).appSecret(meta("app", "alt"))).isEqualTo("own");
		assertThat(properties("1", null, null, null).appSecret(meta("app", "alt"))).isEqualTo("alt");
		assertThat(properties("1", null, null, null).appSecret(meta("app", null))).isEqualTo("app");
		assertThat(properties("1", null, null, null).appSecret(meta(null, null))).as("not the sandbox's").isNull();
	}

	@Test
	void badValuesAreRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("my-app", null, null, null))
			.withMessageContaining("bot.accounts.instagram-app-id")
			.withMessageContaining("'my-app'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties("1", null, URI.create("bot.example.com"), null))
			.withMessageContaining("bot.accounts.public-url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoginProperties("1", null, null, null, URI.create("https://a.example"),
					URI.create("https://b.example"), List.of(" "), Duration.ofMinutes(10), Duration.ofSeconds(1)))
			.withMessageContaining("bot.accounts.subscribed-fields");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoginProperties("1", null, null, null, URI.create("https://a.example"),
					URI.create("https://b.example"), List.of("messages"), Duration.ofHours(2), Duration.ofSeconds(1)))
			.withMessageContaining("bot.accounts.login-timeout");
	}

	@Test
	void theSecretIsNeverShown() {
		assertThat(properties("1", "s3cr3t-value", null, null).toString()).doesNotContain("s3cr3t-value");
	}

}
