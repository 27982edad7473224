package dev.dmbot.server.privacy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;
import dev.dmbot.server.platform.redis.KeyRegistry;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.PersonalData;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Erasure calls the erase steps the key registry names, and refuses to start when a
 * family and the beans disagree.
 */
class PersonErasureTest {

	static final MetaProperties SANDBOX = new MetaProperties(null, null, null, null, null,
			java.net.URI.create("https://graph.instagram.com/v25.0"), null);

	@Test
	void aPersonalDataBeanThatNoFamilyNamesStopsTheStart() {
		KeyRegistry registry = new KeyRegistry(List.of(() -> List
			.of(KeyFamily.person("loyalty", "points", "bot:{<account>:<sender>}:points").erased(Erasure.deleteKey()))));

		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonErasure(null, null, registry, List.of(new Board()), SANDBOX, Clock.systemUTC()))
			.withMessageContaining("PersonalData bean " + Board.class.getName() + " erases no Redis key family")
			.withMessageContaining(".erased(Erasure.by(Board.class))");
	}

	@Test
	void aStepThatIsNoBeanStopsTheStart() {
		FeatureKeys loyalty = () -> List
			.of(KeyFamily.account("loyalty", "board", "bot:{<account>}:board").erased(Erasure.by(Board.class)));
		KeyRegistry registry = new KeyRegistry(List.of(loyalty));

		assertThatIllegalStateException()
			.isThrownBy(() -> new PersonErasure(null, null, registry, List.of(), SANDBOX, Clock.systemUTC()))
			.withMessageContaining("erased by " + Board.class.getName() + ", which is no bean");
	}

	@Test
	void familiesAndBeansThatAgreeStart() {
		FeatureKeys loyalty = () -> List
			.of(KeyFamily.account("loyalty", "board", "bot:{<account>}:board").erased(Erasure.by(Board.class)));

		assertThatCode(() -> new PersonErasure(null, new dev.dmbot.server.platform.redis.TimeLogs(null),
				new KeyRegistry(List.of(loyalty)), List.of(new Board()), SANDBOX, Clock.systemUTC()))
			.doesNotThrowAnyException();
	}

	static class Board implements PersonalData {

		@Override
		public long erase(String accountId, String senderId) {
			return 0;
		}

	}

}
