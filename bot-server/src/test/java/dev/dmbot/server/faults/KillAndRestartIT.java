package dev.dmbot.server.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Servers killed with SIGKILL in the middle of a stream of signed DMs, as a crash, an
 * out-of-memory kill or a lost machine would: every DM a server acknowledged to Meta is
 * answered, each customer's answers in the order they wrote, whether the server comes
 * back or two others share the work. The packaged server runs in processes of its own on
 * one real redis-server; Meta is a fake that answers every Send API call.
 * <p>
 * A reply Meta accepted in the last milliseconds before the kill, before the server could
 * write down that it was sent, is sent again after the restart: Meta's Send API has no
 * idempotency key to stop it. At most one reply per partition the killed server was
 * working on can be in that state, so the tests allow that many repeats (4 partitions
 * here) and report what they saw in {@code target/fault-report.md}. Nothing may be lost
 * or reordered.
 */
class KillAndRestartIT {

	static final MetaApiStub meta = new MetaApiStub();

	static final EmbeddedRedisServer redis = new EmbeddedRedisServer();

	static final List<String> QUESTIONS = List.of("how much is shipping to Porto?", "what are your opening hours?",
			"how do returns work?");

	static final int PARTITIONS = 4;

	final List<ServerProcess> servers = new ArrayList<>();

	@AfterAll
	static void stopAll() {
		redis.close();
		meta.server().stop();
	}

	@org.junit.jupiter.api.AfterEach
	void stopServers() {
		this.servers.forEach(ServerProcess::close);
	}

	@Test
	void aServerKilledMidStreamAndRestartedAnswersEveryAcknowledgedDmOnceAndInOrder() throws Exception {
		ServerProcess server = server("single");
		Map<String, String> replies = replies(server);
		DmStream stream = new DmStream(List.of(server.port()), MetaApiStub.APP_SECRET, 12, 15, QUESTIONS,
				Duration.ofMillis(300))
			.start();

		stream.awaitAcknowledged(stream.total() / 3, Duration.ofSeconds(60));
		server.kill();
		server.start();
		stream.finish(Duration.ofMinutes(3));

		Answers answers = Answers.await(stream, meta.server(), replies);
		FaultReport.row("Server killed (`kill -9`) mid-stream, restarted", stream, answers,
				"restart took the pending events over");
		assertThat(stream.acknowledged()).isEqualTo(stream.total());
		assertThat(answers.lost()).as(answers.toString()).isZero();
		assertThat(answers.outOfOrder()).as(answers.toString()).isZero();
		assertThat(answers.repeated()).as(answers.toString()).isLessThanOrEqualTo(PARTITIONS);
	}

	@ParameterizedTest(name = "{0} servers")
	@ValueSource(ints = { 2, 3 })
	void serversOnOneRedisOneKilledTheOthersTakeOverItsWorkInOrder(int count) throws Exception {
		List<ServerProcess> group = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			group.add(server("group" + count + "-" + (char) ('a' + i)));
		}
		Map<String, String> replies = replies(group.get(0));
		DmStream stream = new DmStream(group.stream().map(ServerProcess::port).toList(), MetaApiStub.APP_SECRET, 12, 15,
				QUESTIONS, Duration.ofMillis(300))
			.start();

		stream.awaitAcknowledged(stream.total() / 3, Duration.ofSeconds(60));
		group.get(1).kill();
		stream.finish(Duration.ofMinutes(3));

		Answers answers = Answers.await(stream, meta.server(), replies);
		FaultReport.row("One of " + count + " servers on one Redis killed (`kill -9`) mid-stream, not restarted",
				stream, answers, "the others took its partitions over after the lease (3 s here)");
		assertThat(stream.acknowledged()).isEqualTo(stream.total());
		assertThat(answers.lost()).as(answers.toString()).isZero();
		assertThat(answers.outOfOrder()).as(answers.toString()).isZero();
		assertThat(answers.repeated()).as(answers.toString()).isLessThanOrEqualTo(PARTITIONS);
	}

	private ServerProcess server(String name) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("bot.redis.url", "redis://127.0.0.1:" + redis.port());
		properties.put("bot.meta.graph-url", meta.server().baseUrl() + "/v25.0");
		properties.put("bot.meta.access-token", MetaApiStub.ACCESS_TOKEN);
		properties.put("bot.meta.app-secret", MetaApiStub.APP_SECRET);
		properties.put("bot.meta.verify-token", MetaApiStub.VERIFY_TOKEN);
		properties.put("bot.meta.account-id", WebhookPayloads.ACCOUNT);
		properties.put("bot.outbound.initial-backoff", "20ms");
		properties.put("bot.outbound.max-backoff", "100ms");
		properties.put("bot.rules.dir", Path.of("..", "rules").toAbsolutePath().normalize().toString());
		properties.put("bot.rules.watch", "false");
		properties.put("bot.intake.partitions", Integer.toString(PARTITIONS));
		properties.put("bot.intake.lease-ttl", "3s");
		properties.put("bot.intake.block", "200ms");
		properties.put("bot.profile.timeout", "500ms");
		properties.put("logging.level.dev.dmbot", "warn");
		ServerProcess server = new ServerProcess(name, properties);
		this.servers.add(server);
		return server.start();
	}

	private static Map<String, String> replies(ServerProcess server) {
		Map<String, String> replies = Answers.replies(new WebhookClient(server.port(), MetaApiStub.APP_SECRET),
				meta.server(), QUESTIONS);
		assertThat(replies.get(QUESTIONS.get(0))).isNotEqualTo(replies.get(QUESTIONS.get(1)));
		return replies;
	}

}
