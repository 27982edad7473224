package dev.dmbot.server.privacy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrivacyPropertiesTest {

	@Test
	void theStatusLinkIsOnThePublicUrlWhenOneIsSet() {
		PrivacyProperties properties = new PrivacyProperties(URI.create("https://bot.example.com/"),
				Duration.ofDays(365), Duration.ofSeconds(5));

		assertThat(properties.statusUrl("http://10.0.0.7:8080", "ABC"))
			.isEqualTo("https://bot.example.com/privacy/deletion/ABC");
	}

	@Test
	void withoutAPublicUrlTheLinkIsOnTheRequestsHost() {
		PrivacyProperties properties = new PrivacyProperties(null, Duration.ofDays(365), Duration.ofSeconds(5));

		assertThat(properties.statusUrl("https://proxy.example.com", "ABC"))
			.isEqualTo("https://proxy.example.com/privacy/deletion/ABC");
	}

	@Test
	void badSettingsAreRefusedWithTheirValue() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new PrivacyProperties(URI.create("bot.example.com"), Duration.ofDays(1), Duration.ofSeconds(5)))
			.withMessage("bot.privacy.public-url must be an absolute http(s) URL such as https://bot.example.com, "
					+ "but was 'bot.example.com'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PrivacyProperties(null, Duration.ofHours(2), Duration.ofSeconds(5)))
			.withMessage("bot.privacy.status-retention must be at least 1d, but was PT2H");
	}

}
