package dev.dmbot.server.profile;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis key of a customer's cached Instagram profile. */
@Component
public final class ProfileKeys implements FeatureKeys {

	/** The customer's profile as Meta last gave it. */
	public static String profile(String accountId, String igsid) {
		return "bot:{" + accountId + ":" + igsid + "}:profile";
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(KeyFamily.person("profile", "profile", "bot:{<account>:<sender>}:profile")
			// The copy held in memory goes first, so it cannot be written back.
			.erased(Erasure.deleteKey().after(ProfileCache.class))
			.kept("bot.profile.ttl (7d); a failed look-up bot.profile.failure-ttl (10m)"));
	}

}
