package dev.dmbot.server.leads;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LeadsPropertiesTest {

	@Test
	void withoutAUrlLeadsAreOnlyStored() {
		assertThat(properties(null, null, 6).delivers()).isFalse();
		assertThat(properties(URI.create("https://crm.example/hook"), "k", 6).delivers()).isTrue();
	}

	@Test
	void aUrlNeedsASecretAndTheMessageShowsNeitherPathNorSecret() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(URI.create("https://crm.example/hooks/tok3n?key=abc"), " ", 6))
			.withMessageContaining("bot.leads.webhook-secret is required")
			.withMessageContaining("https://crm.example/…")
			.withMessageNotContaining("tok3n");
	}

	@Test
	void badValuesAreNamedWithTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, null, 0))
			.withMessage("bot.leads.max-attempts must be at least 1, but was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(URI.create("ftp://crm.example/x"), "secret-value", 6))
			.withMessageContaining("'ftp://crm.example/…'")
			.withMessageNotContaining("secret-value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LeadsProperties(null, null, 6, Duration.ofSeconds(10), Duration.ofSeconds(1),
					Duration.ofSeconds(10), Duration.ofDays(1), Duration.ofSeconds(1)))
			.withMessageContaining("PT10S with max-backoff PT1S");
	}

	@Test
	void theSecretIsNotInTheDescription() {
		assertThat(properties(URI.create("https://crm.example/hooks/tok3n"), "super-secret", 6)).asString()
			.doesNotContain("super-secret")
			.doesNotContain("tok3n");
	}

	private static LeadsProperties properties(URI url, String secret, int maxAttempts) {
		return new LeadsProperties(url, secret, maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(5),
				Duration.ofSeconds(10), Duration.ofDays(365), Duration.ofSeconds(1));
	}

}
