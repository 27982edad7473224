package dev.dmbot.server.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The turn's one-round-trip transaction against a real redis-server: its writes land
 * together, each queued command's reply reaches its {@link Response}, a command Redis
 * refuses inside {@code EXEC} surfaces as an error, and the pooled connection stays
 * usable afterwards.
 */
class SingleTripTransactionIT {

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
