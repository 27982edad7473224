package dev.dmbot.server.playground;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default a newcomer gets: no Meta account, no Redis. The playground posts a
 * signed event to the server's own webhook and the sandbox records the reply instead of
 * calling Meta.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundIT {

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void playgroundMessageIsAnsweredBySpreadsheetRowAndRecordedBySandbox() throws Exception {
		String sender = "pg" + System.nanoTime();

		HttpResponse<String> posted = post("/api/playground/messages",
				"{\"sender\":\"" + sender + "\",\"kind\":\"text\",\"text\":\"how much is shipping to Porto?\"}");

		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(posted.body()).path("webhookStatus").asInt()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode entries = this.json.readTree(get("/api/playground/conversations/" + sender).body())
				.path("entries");
			assertThat(entries.size()).isPositive();
			JsonNode reply = entries.get(entries.size() - 1);
			assertThat(reply.path("direction").asString()).isEqualTo("out");
			assertThat(reply.path("outcome").asString()).isEqualTo("sent");
			assertThat(reply.path("rules").get(0).asString()).contains("lumen-oak.xlsx");
			assertThat(reply.path("facts").path("event").asString()).isEqualTo("message");
			assertThat(reply.path("facts").path("intent").asString()).isEqualTo("shipping");
			assertThat(reply.path("facts").path("state").asString()).isEqualTo("none");
		});
		assertThat(this.redis.xrange("bot:sandbox:outbox", "-", "+"))
			.anySatisfy(entry -> assertThat(entry.getFields().get("body")).contains("\"id\":\"" + sender + "\"")
				.containsIgnoringCase("porto"));
	}

	@Test
	void playgroundPageIsServedAtTheRoot() throws Exception {
		HttpResponse<String> page = get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("playground").contains("/api/playground/messages");
	}

	@Test
	void unknownEventKindIsRefusedWithTheAllowedOnes() throws Exception {
		HttpResponse<String> posted = post("/api/playground/messages",
				"{\"sender\":\"pg1\",\"kind\":\"telepathy\",\"text\":\"hi\"}");

		assertThat(posted.statusCode()).isEqualTo(400);
		assertThat(posted.body()).contains("story_mention");
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
