package dev.dmbot.server.context;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields other features keep in the context hash never reach the context the rules,
 * the inbox, the contacts API and the templates see, on a real redis-server.
 */
class ContextStoreIT {

	@RegisterExtension
	static final StandaloneRedis redis = new StandaloneRedis();

	@Test
	void fieldsOfOtherFeaturesAreNeverReadAsTheContextsOwn() {
		String key = ContextKeys.context("acc", "ana");
		redis.client()
			.hset(key,
					Map.of("state", "asked_budget", "inboundCount", "2", "tags", "vip", "attr.plan", "pro", "slot.city",
							"Porto", ContextKeys.featureFields("touch") + "variant.pricing", "B",
							ContextKeys.featureFields("touch") + "last.at", "2026-01-01T10:00:00Z",
							ContextKeys.featureFields("reply") + "pending", "{\"event\":\"mid.1\"}"));
		ContextStore store = new ContextStore(redis.client(),
				new ContextProperties(Duration.ofDays(90), Duration.ofDays(90)));

		ConversationContext context = store.load("acc", "ana");

		assertThat(context.attributes()).containsExactly(Map.entry("plan", "pro"));
		assertThat(context.flows().slots()).containsExactly(Map.entry("city", "Porto"));
		assertThat(context.tags()).containsExactly("vip");
		assertThat(context.state()).isEqualTo("asked_budget");
	}

	@Test
	void anAttributeCanNeverBeNamedLikeAnotherFeaturesField() {
		assertThat(ContextKeys.featureFields("touch")).startsWith(ContextKeys.FEATURE_FIELDS)
			.doesNotStartWith("attr.")
			.doesNotStartWith("slot.")
			.doesNotStartWith("done.")
			.doesNotStartWith("flow");
	}

}
