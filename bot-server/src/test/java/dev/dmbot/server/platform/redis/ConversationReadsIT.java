package dev.dmbot.server.platform.redis;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dmbot.server.support.StandaloneRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A turn's reads against a real redis-server: every string key in one {@code MGET},
 * hashes beside it, all in one round trip, each answer where its reader asked for it.
 */
class ConversationReadsIT {

	@RegisterExtension
	static final StandaloneRedis server = new StandaloneRedis();

	@Test
	void eachReaderGetsItsOwnAnswerFromOneMget() {
		server.client().set("bot:{acc:ana}:optout", "2026-12-01T10:00:00Z");
		server.client().set("bot:{acc:ana}:sent:2026-12-07", "3");
		server.client().hset("bot:{acc:ana}:ctx", Map.of("language", "pt", "state", "asked_budget"));
		server.client().hset("bot:{acc:ana}:followup", "id", "f-1");
		long mgetsBefore = server.calls("mget");
		long getsBefore = server.calls("get");

		Supplier<String> optOut;
		Supplier<Boolean> seen;
		Supplier<String> sent;
		Supplier<Map<String, String>> context;
		Supplier<String> followUp;
		Supplier<Map<String, String>> none;
		try (ConversationReads reads = ConversationReads.on(server.client())) {
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
		assertThat(server.calls("mget") - mgetsBefore).isEqualTo(1);
		assertThat(server.calls("get") - getsBefore).isZero();
	}

	@Test
	void withoutStringKeysNoMgetIsSent() {
		long mgetsBefore = server.calls("mget");
		Supplier<Map<String, String>> context;
		try (ConversationReads reads = ConversationReads.on(server.client())) {
			context = reads.hashOf("bot:{acc:bea}:ctx");
			reads.send();
		}
		assertThat(context.get()).isEmpty();
		assertThat(server.calls("mget")).isEqualTo(mgetsBefore);
	}

	@Test
	void anAnswerAskedForBeforeTheReadsAreSentIsAMistakeNamingTheKey() {
		try (ConversationReads reads = ConversationReads.on(server.client())) {
			Supplier<String> early = reads.get("bot:{acc:cai}:optout");
			assertThatThrownBy(early::get).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("bot:{acc:cai}:optout");
			reads.send();
		}
	}

}
