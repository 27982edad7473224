package dev.dmbot.server.platform.redis;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.system.PersonalData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyRegistryTest {

	@Test
	void aFamilyThatSaysNothingOfErasureStopsTheStartNamingTheFamilyAndTheFix() {
		FeatureKeys forgetful = () -> List.of(KeyFamily.account("loyalty", "points", "bot:{<account>}:points"));

		assertThatIllegalStateException().isThrownBy(() -> new KeyRegistry(List.of(forgetful)))
			.withMessageContaining("Key family loyalty/points (bot:{<account>}:points) says nothing of erasure")
			.withMessageContaining("Erasure.by(YourPersonalData.class)")
			.withMessageContaining("Erasure.notPersonal()");
	}

	@Test
	void aKeyUnderThePersonsTagMustBeDeletedWithThePerson() {
		FeatureKeys kept = () -> List
			.of(KeyFamily.person("loyalty", "points", "bot:{<account>:<sender>}:points").erased(Erasure.notPersonal()));

		assertThatIllegalStateException().isThrownBy(() -> new KeyRegistry(List.of(kept)))
			.withMessageContaining("loyalty/points")
			.withMessageContaining("erase it with Erasure.deleteKey()");
	}

	@Test
	void aKeyOutsideThePersonsTagCannotBeDeletedByTheTagScan() {
		FeatureKeys elsewhere = () -> List
			.of(KeyFamily.person("loyalty", "points", "bot:loyalty:<account>:<sender>").erased(Erasure.deleteKey()));

		assertThatIllegalStateException().isThrownBy(() -> new KeyRegistry(List.of(elsewhere)))
			.withMessageContaining("loyalty/points")
			.withMessageContaining("Erasure.by(YourPersonalData.class)");
	}

	@Test
	void aFamilyIsNamedOnce() {
		FeatureKeys twice = () -> List.of(
				KeyFamily.server("loyalty", "points", "bot:loyalty:a").erased(Erasure.notPersonal()),
				KeyFamily.server("loyalty", "points", "bot:loyalty:b").erased(Erasure.notPersonal()));

		assertThatIllegalStateException().isThrownBy(() -> new KeyRegistry(List.of(twice)))
			.withMessageContaining("loyalty/points is declared twice");
	}

	@Test
	void aKeyIsFoundByItsTemplateAndTheStepsAreTheOnesNamed() {
		FeatureKeys loyalty = () -> List.of(
				KeyFamily.person("loyalty", "points", "bot:{<account>:<sender>}:points").erased(Erasure.deleteKey()),
				KeyFamily.account("loyalty", "board", "bot:{<account>}:board").erased(Erasure.by(Board.class)),
				KeyFamily.person("loyalty", "redeemed", "bot:{<account>:<sender>}:redeemed:<code...>")
					.erased(Erasure.deleteKey()));
		KeyRegistry registry = new KeyRegistry(List.of(loyalty));

		assertThat(registry.familyOf("bot:{17:42}:points")).map(KeyFamily::id).contains("loyalty/points");
		assertThat(registry.familyOf("bot:{17}:board")).map(KeyFamily::id).contains("loyalty/board");
		assertThat(registry.familyOf("bot:{17:42}:redeemed:spring:2026")).map(KeyFamily::id)
			.contains("loyalty/redeemed");
		assertThat(registry.familyOf("bot:{17:42}:points:extra")).isEmpty();
		assertThat(registry.familyOf("bot:{17:42}:board")).isEmpty();
		assertThat(registry.erasureSteps()).containsExactly(Board.class);
		assertThat(registry.personal()).hasSize(3);
	}

	@Test
	void shortLivedDataSaysWhy() {
		assertThat(Erasure.shortLived("gone within the hour").describe())
			.isEqualTo("left to expire: gone within the hour");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> Erasure.shortLived(" "))
			.withMessageContaining("must say why");
	}

	interface Board extends PersonalData {

	}

}
