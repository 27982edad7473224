package dev.dmbot.server.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Operations settings refuse values that cannot work, naming the setting and the value.
 */
class SettingsValidationTest {

	static final RedisProperties.Sentinel NO_SENTINEL = new RedisProperties.Sentinel(null, List.of(), null, null, 0);

	static final RedisProperties.Cluster NO_CLUSTER = new RedisProperties.Cluster(List.of(), 5);

	@Test
	void deadLetterRetentionShorterThanAnHourIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadLetterProperties(Duration.ofMinutes(5), 10_000))
			.withMessage("bot.dead-letters.retention must be at least 1h, but was PT5M");
		assertThatIllegalArgumentException().isThrownBy(() -> new DeadLetterProperties(Duration.ofDays(30), 5))
			.withMessage("bot.dead-letters.max-entries must be at least 100, but was 5");
	}

	@Test
	void onlyOneRedisDeploymentMayBeChosen() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisProperties(URI.create("redis://redis:6379"), 64, null, null, false,
					new RedisProperties.Sentinel("mymaster", List.of("s1:26379"), null, null, 0), NO_CLUSTER, "data"))
			.withMessage("Set only one of bot.redis.url, bot.redis.sentinel.nodes and bot.redis.cluster.nodes, "
					+ "but 2 are set");
	}

	@Test
	void aSentinelDeploymentNeedsTheMastersName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisProperties.Sentinel(" ", List.of("s1:26379"), null, null, 0))
			.withMessageStartingWith("bot.redis.sentinel.master is required with bot.redis.sentinel.nodes");
	}

	@Test
	void aNodeMustBeHostAndPort() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisProperties.Cluster(List.of("redis-1:6379", "redis-2:sixty"), 5))
			.withMessage("bot.redis.cluster.nodes must be a list of host:port, but one entry was 'redis-2:sixty'");
		assertThat(new RedisProperties.Cluster(List.of("redis-1"), 5).nodes()).containsExactly("redis-1");
	}

	@Test
	void credentialsOfTheUrlAreWrittenInTheUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisProperties(URI.create("redis://redis:6379"), 64, null, "secret", false,
					NO_SENTINEL, NO_CLUSTER, "data"))
			.withMessageContaining("write them in the URL");
	}

	@Test
	void passwordsNeverReachTheDescription() {
		RedisProperties url = new RedisProperties(URI.create("redis://app:s3cr3t-pw@redis:6379/0"), 64, null, null,
				false, NO_SENTINEL, NO_CLUSTER, "data");
		RedisProperties cluster = new RedisProperties(null, 64, "app", "s3cr3t-pw", true, NO_SENTINEL,
				new RedisProperties.Cluster(List.of("redis-1:6379"), 5), "data");
		RedisProperties sentinel = new RedisProperties(null, 64, null, "s3cr3t-pw", false,
				new RedisProperties.Sentinel("mymaster", List.of("s1"), null, "s3nt1nel-pw", 0), NO_CLUSTER, "data");

		assertThat(url.toString()).isEqualTo("RedisProperties[redis://redis:6379, poolSize=64]");
		assertThat(cluster + " " + sentinel).doesNotContain("s3cr3t-pw").doesNotContain("s3nt1nel-pw");
		assertThat(cluster.embedded()).isFalse();
		assertThat(new RedisProperties(null, 64, null, null, false, NO_SENTINEL, NO_CLUSTER, "data").embedded())
			.isTrue();
	}

}
