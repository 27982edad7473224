package dev.dmbot.server.profile;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.SteppedClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory side of the cache, with time moved by the test. Redis is unreachable here
 * on purpose: a lookup must work without it.
 */
class ProfileCacheTest {

	final SteppedClock clock = new SteppedClock(Instant.parse("2026-05-01T10:00:00Z"));

	final FakeProfileApi api = new FakeProfileApi();

	final UnifiedJedis unreachableRedis = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", 1)).build();

	final ProfileCache cache = new ProfileCache(this.api,
			new ProfileProperties(true, Duration.ofDays(7), Duration.ofMinutes(10), Duration.ofSeconds(2)),
			this.unreachableRedis, JsonMapper.builder().build(), this.clock, new SimpleMeterRegistry(),
			() -> TimeUnit.MILLISECONDS.toNanos(this.clock.millis()));

	@AfterEach
	void closeRedis() {
		this.unreachableRedis.close();
	}

	@Test
	void profileIsAskedForOnceAndKeptForTheTtl() {
		this.api.answers.add(new Profile("Ana Costa", "ana.costa"));
		this.api.answers.add(new Profile("Ana Maria Costa", "ana.costa"));

		assertThat(this.cache.find("1784", "42")).contains(new Profile("Ana Costa", "ana.costa"));
		this.clock.advance(Duration.ofDays(6));
		assertThat(this.cache.find("1784", "42")).contains(new Profile("Ana Costa", "ana.costa"));
		assertThat(this.api.calls).isEqualTo(1);

		this.clock.advance(Duration.ofDays(1).plusSeconds(1));

		assertThat(this.cache.find("1784", "42")).contains(new Profile("Ana Maria Costa", "ana.costa"));
		assertThat(this.api.calls).isEqualTo(2);
	}

	@Test
	void failedLookupIsRememberedForTheFailureTtlOnly() {
		this.api.answers.add(new ProfileClient.ProfileLookupException(500, "HTTP 500: An unexpected error"));
		this.api.answers.add(new Profile("Ana Costa", "ana.costa"));

		assertThat(this.cache.find("1784", "42")).isEmpty();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.cache.find("1784", "42")).isEmpty();
		assertThat(this.api.calls).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

		assertThat(this.cache.find("1784", "42")).contains(new Profile("Ana Costa", "ana.costa"));
		assertThat(this.api.calls).isEqualTo(2);
	}

	@Test
	void eachAccountAndCustomerHasItsOwnEntry() {
		this.api.answers.add(new Profile("Ana Costa", "ana.costa"));
		this.api.answers.add(new Profile("Rui Lopes", "rui"));

		this.cache.find("1784", "42");

		assertThat(this.cache.find("1785", "42")).contains(new Profile("Rui Lopes", "rui"));
		assertThat(ProfileKeys.profile("1784", "42")).isEqualTo("bot:{1784:42}:profile");
	}

	@Test
	void withoutAClientNothingIsLookedUp() {
		ProfileCache off = new ProfileCache(null,
				new ProfileProperties(false, Duration.ofDays(7), Duration.ofMinutes(10), Duration.ofSeconds(2)),
				this.unreachableRedis, JsonMapper.builder().build(), this.clock, new SimpleMeterRegistry(), () -> 0L);

		assertThat(off.enabled()).isFalse();
		assertThat(off.find("1784", "42")).isEmpty();
	}

	/** Answers lookups in order: a profile, or a failure to throw. */
	static final class FakeProfileApi extends ProfileClient {

		final Deque<Object> answers = new ArrayDeque<>();

		int calls;

		FakeProfileApi() {
			super(URI.create("http://127.0.0.1:1/v25.0"), null, Duration.ofSeconds(1), JsonMapper.builder().build());
		}

		@Override
		Profile fetch(String accountId, String igsid) {
			this.calls++;
			Object answer = this.answers.removeFirst();
			if (answer instanceof RuntimeException failure) {
				throw failure;
			}
			return (Profile) answer;
		}

	}

}
