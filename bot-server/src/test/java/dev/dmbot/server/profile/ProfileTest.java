package dev.dmbot.server.profile;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProfileTest {

	@Test
	void firstNameIsTheFirstWordOfTheName() {
		assertThat(new Profile("Ana Costa", "ana.costa").attributes()).containsEntry("first_name", "Ana")
			.containsEntry("username", "ana.costa");
		assertThat(new Profile("  Maria  da Silva ", null).firstName()).isEqualTo("Maria");
	}

	@Test
	void aMissingNameOrUsernameIsNoAttribute() {
		assertThat(new Profile(null, "ana.costa").attributes()).containsOnlyKeys("username");
		assertThat(new Profile(" ", " ").attributes()).isEmpty();
	}

	@Test
	void settingsAreCheckedWithTheBadValueInTheMessage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProfileProperties(true, Duration.ZERO, Duration.ofMinutes(10), Duration.ofSeconds(2)))
			.withMessageContaining("bot.profile.ttl")
			.withMessageContaining("PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProfileProperties(true, Duration.ofDays(7), Duration.ofMinutes(10), Duration.ZERO))
			.withMessageContaining("bot.profile.timeout");
	}

}
