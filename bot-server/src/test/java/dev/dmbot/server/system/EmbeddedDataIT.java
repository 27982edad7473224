package dev.dmbot.server.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.BotServerApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default a small shop runs on one box: its redis-server keeps an
 * append-only file in {@code bot.redis.data-dir}, so conversations, replies and rule
 * versions are still there after a restart, and the Tests sheets that passed under this
 * build are not played again at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDataIT {

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theEmbeddedDefaultRestartedKeepsItsConversationsAndDoesNotReplayItsTests(@TempDir Path data,
			CapturedOutput output) throws Exception {
		String sender = "restart" + System.nanoTime();
		try (ConfigurableApplicationContext first = start(data)) {
			HttpResponse<String> posted = post(first, "/api/playground/messages",
					"{\"sender\":\"" + sender + "\",\"kind\":\"text\",\"text\":\"how much is shipping to Porto?\"}");
			assertThat(posted.statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(outcomes(first, sender)).endsWith("sent"));
		}
		assertThat(output.getOut()).contains("Tests sheets of sha-256").contains("passed, 0 failed");
		assertThat(Files.list(data).map((path) -> path.getFileName().toString()))
			.as("the append-only file (a directory from Redis 7 on)")
			.anyMatch((name) -> name.startsWith("appendonly"));

		int logged = output.getOut().length();
		try (ConfigurableApplicationContext second = start(data)) {
			assertThat(outcomes(second, sender)).as("the conversation held before the restart").endsWith("sent");
			assertThat(output.getOut().substring(logged)).as("the live version found in Redis, its tests not replayed")
				.contains("Rules version agreed with Redis")
				.doesNotContain("passed, 0 failed")
				.contains("data in " + data.toAbsolutePath());

			post(second, "/api/playground/messages",
					"{\"sender\":\"" + sender + "\",\"kind\":\"text\",\"text\":\"what are your opening hours?\"}");
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(outcomes(second, sender)).containsSubsequence("sent", "sent"));
		}
	}

	@Test
	void aSecondServerOnTheSameDataDirectoryIsRefusedWithTheWayOut(@TempDir Path data) {
		try (EmbeddedRedisServer first = new EmbeddedRedisServer(data)) {
			assertThatIllegalStateException().isThrownBy(() -> new EmbeddedRedisServer(data))
				.withMessageContaining("Another dmbot server is using " + data.toAbsolutePath())
				.withMessageContaining("bot.redis.data-dir");
		}
		try (EmbeddedRedisServer again = new EmbeddedRedisServer(data)) {
			assertThat(again.dataDir()).isEqualTo(data.toAbsolutePath());
		}
		assertThat(data).as("a data directory outlives its server").isDirectory();
	}

	@Test
	void aDataDirectoryThatCannotBeMadeIsRefusedWithTheWayOut(@TempDir Path parent) throws Exception {
		Path file = Files.writeString(parent.resolve("not-a-directory"), "a file where the directory should be");

		assertThatIllegalStateException().isThrownBy(() -> new EmbeddedRedisServer(file.resolve("data")))
			.withMessageContaining("Cannot use " + file.resolve("data").toAbsolutePath())
			.withMessageContaining("point bot.redis.data-dir elsewhere");
	}

	@Test
	void theTestsThrowAwayDirectoryIsRemovedAtStop() {
		Path directory;
		try (EmbeddedRedisServer server = new EmbeddedRedisServer()) {
			directory = server.dataDir();
			assertThat(directory).isDirectory();
		}
		assertThat(directory).doesNotExist();
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(BotServerApplication.class).run("--server.port=0",
				"--bot.redis.data-dir=" + data);
	}

	/** The outcomes of the bot's replies to {@code sender}, oldest first. */
	private String[] outcomes(ConfigurableApplicationContext context, String sender) throws Exception {
		JsonNode entries = this.json.readTree(get(context, "/api/playground/conversations/" + sender).body())
			.path("entries");
		return entries.valueStream()
			.filter((entry) -> "out".equals(entry.path("direction").asString()))
			.map((entry) -> entry.path("outcome").asString())
			.toArray(String[]::new);
	}

	private HttpResponse<String> post(ConfigurableApplicationContext context, String path, String body)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(context, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(context, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
