package dev.dmbot.server.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin APIs keep their state in Redis: while it is away they answer 503 with a
 * message saying so (try again), never 500, and change nothing; once it is back they
 * work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + AdminApisRedisOutageIT.ADMIN_TOKEN, "bot.intake.partitions=2" })
class AdminApisRedisOutageIT {

	static final String ADMIN_TOKEN = "outage-admin-apis-7Qw2Lm";

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Test
	void rulesContactsLeadsConversionsExperimentsAndDeadLettersAnswer503WhileRedisIsAwayAndWorkAfter()
			throws Exception {
		byte[] workbook = Files.readAllBytes(Path.of("../rules/lumen-oak.xlsx"));

		List<HttpResponse<String>> whileDown;
		this.redisServer.server().stop();
		try {
			whileDown = List.of(send(request("/api/admin/rules/versions").GET()),
					send(request("/api/admin/rules/lumen-oak.xlsx")
						.PUT(HttpRequest.BodyPublishers.ofByteArray(workbook))),
					send(request("/api/contacts/17841400000000000/4242/attributes")
						.header("Content-Type", "application/json")
						.PUT(HttpRequest.BodyPublishers.ofString("{\"last_viewed_product\":\"oak side table\"}"))),
					send(request("/api/admin/leads").GET()),
					send(request("/api/conversions").header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"order-1\",\"accountId\":"
								+ "\"17841400000000000\",\"senderId\":\"4242\",\"type\":\"order\"}"))),
					send(request("/api/conversions?account=17841400000000000").GET()),
					send(request("/api/admin/experiments").GET()), send(request("/api/admin/dead-letters").GET()),
					send(request("/api/admin/dead-letters/replay").POST(HttpRequest.BodyPublishers.noBody())),
					send(request("/api/admin/accounts/activity").GET()));
		}
		finally {
			this.redisServer.server().start();
		}

		assertThat(whileDown).allSatisfy((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(response.body()).containsIgnoringCase("redis");
		});
		await().atMost(Duration.ofSeconds(20))
			.until(() -> send(request("/api/admin/rules/versions").GET()).statusCode() == 200);
		assertThat(send(
				request("/api/contacts/17841400000000000/4242/attributes").header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"last_viewed_product\":\"oak side table\"}")))
			.body()).contains("oak side table");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return HttpCalls.send(this.http, request);
	}

}
