package dev.dmbot.server.access;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of API tokens: staff credentials, nothing about customers. */
@Component
public final class AccessKeys implements FeatureKeys {

	/** Token digests by name. */
	public static final String NAMES = "bot:{access}:token-names";

	/** Prefix of {@code bot:{access}:token:<digest>}, one hash per token. */
	public static final String TOKEN_KEY_PREFIX = "bot:{access}:token:";

	@Override
	public List<KeyFamily> families() {
		return List.of(KeyFamily.server("access", "token-names", NAMES).erased(Erasure.notPersonal()),
				KeyFamily.server("access", "token", TOKEN_KEY_PREFIX + "<digest>").erased(Erasure.notPersonal()));
	}

}
