package dev.dmbot.server.platform.redis;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import dev.dmbot.server.system.PermanentException;
import dev.dmbot.server.system.TransientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisFailuresTest {

	@Test
	void anUnreachableRedisIsTransient() {
		assertThat(RedisFailures.translate("reading", new JedisConnectionException("Connection refused")))
			.isInstanceOf(TransientException.class)
			.hasMessage("reading: Connection refused")
			.hasCauseInstanceOf(JedisConnectionException.class);
	}

	@Test
	void anExhaustedPoolIsTransient() {
		assertThat(RedisFailures.translate("reading", new JedisException("Could not get a resource from the pool")))
			.isInstanceOf(TransientException.class);
	}

	@Test
	void aServerInAPassingStateIsTransient() {
		for (String answer : new String[] { "LOADING Redis is loading the dataset in memory",
				"BUSY Redis is busy running a script", "TRYAGAIN Multiple keys request during rehashing of slot",
				"CLUSTERDOWN The cluster is down", "MASTERDOWN Link with MASTER is down",
				"READONLY You can't write against a read only replica." }) {
			assertThat(RedisFailures.translate("writing", new JedisDataException(answer))).as(answer)
				.isInstanceOf(TransientException.class)
				.isNotInstanceOf(StreamGroupMissingException.class);
		}
	}

	@Test
	void aRefusedCommandIsPermanent() {
		assertThat(RedisFailures.translate("writing",
				new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value")))
			.isInstanceOf(PermanentException.class);
		assertThat(RedisFailures.translate("writing", new JedisDataException("OOM command not allowed")))
			.isInstanceOf(PermanentException.class);
	}

	@Test
	void keysOfSeveralSlotsInOneCommandArePermanent() {
		assertThat(RedisFailures.translate("writing",
				new JedisClusterOperationException("Keys must belong to same hashslot; multiple hash slots")))
			.isInstanceOf(PermanentException.class);
		assertThat(
				RedisFailures.translate("writing", new JedisClusterOperationException("No more cluster attempts left")))
			.isInstanceOf(TransientException.class);
	}

	@Test
	void aLostConsumerGroupIsItsOwnTransientKind() {
		assertThat(RedisFailures.translate("reading",
				new JedisDataException("NOGROUP No such key 'bot:events:{p0}' or consumer group 'workers'")))
			.isInstanceOf(StreamGroupMissingException.class)
			.isInstanceOf(TransientException.class);
	}

	@Test
	void anExistingGroupIsToldApart() {
		assertThat(RedisFailures
			.isGroupAlreadyThere(new JedisDataException("BUSYGROUP Consumer Group name already exists"))).isTrue();
		assertThat(RedisFailures.isGroupAlreadyThere(new JedisDataException("BUSY Redis is busy"))).isFalse();
	}

	@Test
	void callsAreTranslatedAndValuesPassedThrough() {
		assertThat(RedisFailures.translating("reading", () -> 42)).isEqualTo(42);
		assertThatThrownBy(() -> RedisFailures.translating("reading", (Runnable) () -> {
			throw new JedisConnectionException("reset");
		})).isInstanceOf(TransientException.class).hasMessage("reading: reset");
	}

}
