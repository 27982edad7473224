package dev.dmbot.server.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Operations settings refuse values that cannot work, naming the setting and the value.
 */
class SettingsValidationTest {

	@Test
	void deadLetterRetentionShorterThanAnHourIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadLetterProperties(Duration.ofMinutes(5), 10_000))
			.withMessage("bot.dead-letters.retention must be at least 1h, but was PT5M");
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadLetterProperties(Duration.ofDays(30), 5))
			.withMessage("bot.dead-letters.max-entries must be at least 100, but was 5");
	}

}
