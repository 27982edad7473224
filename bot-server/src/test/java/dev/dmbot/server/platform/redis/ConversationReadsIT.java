package dev.dmbot.server.platform.redis;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import dev.dmbot.server.system.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A turn's reads against a real redis-server: every string key in one {@code MGET},
 * hashes beside it, all in one round trip, each answer where its reader asked for it.
 */
class ConversationReadsIT {

	static EmbeddedRedisServer server;

	static RedisClient redis;

	@BeforeAll
	static void startRedis() {
		server = new EmbeddedRedisServer();
		redis = RedisClient.builder().hostAndPort("127.0.0.1", server.port()).build();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
		server.close();
	}

	@Test
	void eachReaderGetsItsOwnAnswerFromOneMget() {
		redis.set("bot:{acc:ana}:optout", "2026-12-01T10:00:00Z");
		redis.set("bot:{acc:ana}:sent:2026-12-07", "3");
		redis.hset("bot:{acc:ana}:ctx", Map.of("language", "pt", "state", "asked_budget"));
		redis.hset("bot:{acc:ana}:followup", "id", "f-1");
		long mgetsBefore = calls("mget");
		long getsBefore = calls("get");

		Supplier<String> optOut;
		Supplier<Boolean> seen;
		Supplier<String> sent;
		Supplier<Map<String, String>> context;
		Supplier<String> followUp;
		Supplier<Map<String, String>> none;
		try (ConversationReads reads = ConversationReads.on(redis)) {
			optOut = reads.get("bot:{acc:ana}:optout");
			seen = reads.exists("bot:{acc:ana}:seen:message:m-1");
			context = reads.hashOf("bot:{acc:ana}:ctx");
			sent = reads.get("bot:{acc:ana}:sent:2026-12-07");
			followUp = reads.field("bot:{acc:ana}:followup", "id");
			none = reads.hashOf("bot:{acc:ana}:touch");
			reads.send();
		}

		assertThat(optOut.get()).isEqualTo("2026-12-01T10:00:00Z");
		assertThat(seen.get()).isFalse();
		assertThat(sent.get()).isEqualTo("3");
		assertThat(context.get()).containsEntry("language", "pt").containsEntry("state", "asked_budget");
		assertThat(followUp.get()).isEqualTo("f-1");
		assertThat(none.get()).isEmpty();
		assertThat(calls("mget") - mgetsBefore).isEqualTo(1);
		assertThat(calls("get") - getsBefore).isZero();
	}

	@Test
	void withoutStringKeysNoMgetIsSent() {
		long mgetsBefore = calls("mget");
		Supplier<Map<String, String>> context;
		try (ConversationReads reads = ConversationReads.on(redis)) {
			context = reads.hashOf("bot:{acc:bea}:ctx");
			reads.send();
		}
		assertThat(context.get()).isEmpty();
		assertThat(calls("mget")).isEqualTo(mgetsBefore);
	}

	@Test
	void anAnswerAskedForBeforeTheReadsAreSentIsAMistakeNamingTheKey() {
		try (ConversationReads reads = ConversationReads.on(redis)) {
			Supplier<String> early = reads.get("bot:{acc:cai}:optout");
			assertThatThrownBy(early::get).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("bot:{acc:cai}:optout");
			reads.send();
		}
	}

	private static long calls(String command) {
		for (String line : redis.info("commandstats").split("\r?\n")) {
			if (line.startsWith("cmdstat_" + command + ":")) {
				int from = line.indexOf("calls=") + "calls=".length();
				return Long.parseLong(line.substring(from, line.indexOf(',', from)));
			}
		}
		return 0;
	}

}
