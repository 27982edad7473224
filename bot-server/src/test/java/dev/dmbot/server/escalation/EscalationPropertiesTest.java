package dev.dmbot.server.escalation;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Settings are checked at start-up with the bad value in the message, secrets left out.
 */
class EscalationPropertiesTest {

	static final URI SLACK = URI.create("https://hooks.slack.com/services/T000/B000/very-secret-path");

	@Test
	void theDefaultsNeedNoWebhookAndPassNoThread() {
		EscalationProperties properties = properties(null, Duration.ofHours(48), Duration.ofHours(4), null, null);

		assertThat(properties.notifies()).isFalse();
		assertThat(properties.routesThreads()).isFalse();
		assertThat(properties.inboxLink("01ABC")).isEqualTo("/inbox/#01ABC");
	}

	@Test
	void theInboxLinkStartsAtTheInboxUrl() {
		EscalationProperties properties = properties(SLACK, Duration.ofHours(48), Duration.ofHours(4), null,
				URI.create("https://bot.example.com/"));

		assertThat(properties.inboxLink("01ABC")).isEqualTo("https://bot.example.com/inbox/#01ABC");
	}

	@Test
	void aBadUrlIsNamedWithoutItsSecretPath() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(URI.create("ftp://hooks.example.com/secret-token"), Duration.ofHours(1),
					Duration.ofHours(1), null, null))
			.withMessageContaining("bot.escalation.notify-url")
			.withMessageContaining("ftp://hooks.example.com")
			.withMessageNotContaining("secret-token");
		assertThat(properties(SLACK, Duration.ofHours(1), Duration.ofHours(1), null, null).toString())
			.contains("https://hooks.slack.com/…")
			.doesNotContain("very-secret-path");
	}

	@Test
	void durationsMustBePositiveAndTheInboxAppANumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(null, Duration.ofHours(-2), Duration.ofHours(4), null, null))
			.withMessage("bot.escalation.idle-timeout must be positive, but was PT-2H");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(null, Duration.ofHours(48), Duration.ZERO, null, null))
			.withMessage("bot.escalation.sla must be positive, but was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(null, Duration.ofHours(48), Duration.ofHours(4), "instagram-inbox", null))
			.withMessageContaining("bot.escalation.inbox-app-id")
			.withMessageContaining("'instagram-inbox'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EscalationProperties(null, Duration.ofHours(48), Duration.ofHours(4), null, null, 0,
					Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(1),
					Duration.ofDays(90)))
			.withMessage("bot.escalation.notify-max-attempts must be at least 1, but was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EscalationProperties(null, Duration.ofHours(48), Duration.ofHours(4), null, null, 3,
					Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(1),
					Duration.ofDays(90)))
			.withMessageContaining("PT20M")
			.withMessageContaining("PT10M");
	}

	static EscalationProperties properties(URI notifyUrl, Duration idleTimeout, Duration sla, String inboxAppId,
			URI inboxUrl) {
		return new EscalationProperties(notifyUrl, idleTimeout, sla, inboxAppId, inboxUrl, 8, Duration.ofSeconds(2),
				Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofDays(90));
	}

}
