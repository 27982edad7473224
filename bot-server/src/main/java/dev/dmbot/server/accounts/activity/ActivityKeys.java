package dev.dmbot.server.accounts.activity;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.dmbot.server.platform.redis.Erasure;
import dev.dmbot.server.platform.redis.FeatureKeys;
import dev.dmbot.server.platform.redis.KeyFamily;

/** The Redis keys of account activity. */
@Component
public final class ActivityKeys implements FeatureKeys {

	/** One hash per account: last event, last send, send errors. */
	public static String activity(String accountId) {
		return "bot:{" + accountId + "}:activity";
	}

	@Override
	public List<KeyFamily> families() {
		return List.of(KeyFamily.account("accounts", "activity", "bot:{<account>}:activity")
			.erased(Erasure.notPersonal())
			.kept("as long as the account is served (a few stamps and counts, no customer data)"));
	}

}
