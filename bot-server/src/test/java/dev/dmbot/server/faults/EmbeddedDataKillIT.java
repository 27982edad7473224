package dev.dmbot.server.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server on the embedded default, killed the hard way: its redis-server
 * outlives it, holding the data directory. The next start stops that left-over server,
 * finds the conversation held before the kill, and goes on answering; a stop with SIGTERM
 * afterwards leaves no redis-server behind.
 */
class EmbeddedDataKillIT {

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aKilledServerRestartedOnItsDataDirectoryKeepsItsConversations(@TempDir Path data) throws Exception {
		String sender = "killed" + System.nanoTime();
		try (ServerProcess server = new ServerProcess("embedded-data", Map.of("bot.redis.data-dir", data.toString()))) {
			server.start();
			say(server, sender, "how much is shipping to Porto?");
			await().atMost(Duration.ofSeconds(30)).until(() -> sent(server, sender) == 1);

			server.kill();
			assertThat(data.resolve("redis.pid")).as("the redis-server the kill left running").exists();
			server.start();

			assertThat(sent(server, sender)).as("the reply sent before the kill").isEqualTo(1);
			assertThat(Files.readString(server.log())).contains("a killed server left running on " + data);
			say(server, sender, "what are your opening hours?");
			await().atMost(Duration.ofSeconds(30)).until(() -> sent(server, sender) == 2);

			server.stop();
			assertThat(data.resolve("redis.pid")).as("no redis-server outlives a stopped server").doesNotExist();
		}
	}

	private void say(ServerProcess server, String sender, String text) throws Exception {
		HttpResponse<String> posted = this.http.send(HttpRequest.newBuilder(uri(server, "/api/playground/messages"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"sender\":\"" + sender + "\",\"kind\":\"text\",\"text\":\"" + text + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
	}

	/** How many replies to {@code sender} the conversation shows as sent. */
	private long sent(ServerProcess server, String sender) throws Exception {
		String body = this.http
			.send(HttpRequest.newBuilder(uri(server, "/api/playground/conversations/" + sender)).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		JsonNode entries = this.json.readTree(body).path("entries");
		return entries.valueStream()
			.filter((entry) -> "out".equals(entry.path("direction").asString())
					&& "sent".equals(entry.path("outcome").asString()))
			.count();
	}

	private static URI uri(ServerProcess server, String path) {
		return URI.create("http://127.0.0.1:" + server.port() + path);
	}

}
