package dev.dmbot.server.platform.redis;

import java.util.List;

/**
 * The Redis keys of one feature: implemented by the feature's {@code *Keys} bean, which
 * also builds the key strings the feature uses, so that a key is named in one place and
 * cannot be written without erasure and the key table knowing of it.
 */
public interface FeatureKeys {

	/** Every kind of key the feature writes. */
	List<KeyFamily> families();

}
