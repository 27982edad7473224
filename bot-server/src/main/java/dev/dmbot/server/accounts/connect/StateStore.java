package dev.dmbot.server.accounts.connect;

import java.time.Duration;
import java.util.Optional;

/** Where pending logins wait, each readable once, shared by every instance. */
interface StateStore {

	/**
	 * @return whether it was kept ({@code false}: the key holds a value already)
	 */
	boolean put(String key, String value, Duration timeToLive);

	/** The value, which is gone from then on; empty when there is none. */
	Optional<String> take(String key);

}
