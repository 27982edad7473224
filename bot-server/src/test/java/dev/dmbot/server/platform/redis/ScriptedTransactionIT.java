package dev.dmbot.server.platform.redis;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The turn's one-round-trip transaction ({@link ScriptedTransaction}) against a real
 * redis-server: its writes land together, each queued command's reply reaches its
 * {@link Response}, a command Redis refuses at run time surfaces as an error as inside
 * {@code EXEC}, and the pooled connection stays usable afterwards.
 */
class ScriptedTransactionIT {

	@RegisterExtension
	static final StandaloneRedis server = new StandaloneRedis();

	@Test
	void writesLandTogetherAndEachReplyReachesItsResponse() {
		Response<Long> counted;
		Response<String> read;
		List<Object> replies;
		try (AbstractTransaction transaction = RedisTransactions.forConversation(server.client(), "acc", "ok")) {
			transaction.set("bot:{acc:ok}:a", "1");
			counted = transaction.incr("bot:{acc:ok}:n");
			read = transaction.get("bot:{acc:ok}:a");
			replies = transaction.exec();
		}
		assertThat(replies).hasSize(3);
		assertThat(counted.get()).isEqualTo(1);
		assertThat(read.get()).isEqualTo("1");
		assertThat(server.client().get("bot:{acc:ok}:n")).isEqualTo("1");
	}

	@Test
	void aTransactionIsOneCommandWhateverItQueues() {
		long before = server.calls("eval") + server.calls("multi") + server.calls("exec");
		Response<Map<String, String>> hash;
		Response<String> missing;
		try (AbstractTransaction transaction = RedisTransactions.forConversation(server.client(), "acc", "one")) {
			transaction.hset("bot:{acc:one}:h", Map.of("a", "1", "b", "2"));
			transaction.expire("bot:{acc:one}:h", 100);
			hash = transaction.hgetAll("bot:{acc:one}:h");
			missing = transaction.get("bot:{acc:one}:none");
			transaction.exec();
		}
		assertThat(server.calls("eval") + server.calls("multi") + server.calls("exec")).isEqualTo(before + 1);
		assertThat(hash.get()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
		assertThat(missing.get()).isNull();
		assertThat(server.client().ttl("bot:{acc:one}:h")).isBetween(1L, 100L);
	}

	@Test
	void aTransactionRefusedForMemoryWritesNothing() {
		UnifiedJedis client = server.client();
		client.configSet("maxmemory", "1");
		try {
			assertThatThrownBy(() -> {
				try (AbstractTransaction transaction = RedisTransactions.forConversation(client, "acc", "full")) {
					transaction.set("bot:{acc:full}:a", "1");
					transaction.incr("bot:{acc:full}:n");
					transaction.exec();
				}
			}).isInstanceOf(JedisDataException.class).hasMessageContaining("OOM");
		}
		finally {
			client.configSet("maxmemory", "0");
		}
		assertThat(client.exists("bot:{acc:full}:a")).isFalse();
		assertThat(client.exists("bot:{acc:full}:n")).isFalse();
	}

	@Test
	void aCommandRedisRefusesInsideExecIsReportedAndTheConnectionStaysUsable() {
		UnifiedJedis client = server.client();
		client.set("bot:{acc:bad}:text", "not a number");
		Response<Long> refused;
		try (AbstractTransaction transaction = RedisTransactions.forConversation(client, "acc", "bad")) {
			transaction.set("bot:{acc:bad}:other", "written");
			refused = transaction.incr("bot:{acc:bad}:text");
			transaction.exec();
		}
		// Redis runs the rest of a transaction when one command fails at run time.
		assertThat(client.get("bot:{acc:bad}:other")).isEqualTo("written");
		assertThatThrownBy(refused::get).hasMessageContaining("not an integer");
		for (int i = 0; i < 20; i++) {
			try (AbstractTransaction transaction = RedisTransactions.forConversation(client, "acc", "again")) {
				transaction.incr("bot:{acc:again}:n");
				transaction.exec();
			}
		}
		assertThat(client.get("bot:{acc:again}:n")).isEqualTo("20");
	}

}
