package dev.dmbot.server.access;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens live in Redis, so while Redis is away a token cannot be checked: the caller gets
 * 503 (try again), never 500 and never a 401 that would suggest the token is bad.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + AccessRedisOutageIT.ADMIN_TOKEN, "bot.intake.partitions=2" })
class AccessRedisOutageIT {

	static final String ADMIN_TOKEN = "outage-bootstrap-admin-5Hn3Rt";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Test
	void tokenThatCannotBeCheckedIsAnswered503UntilRedisIsBack() {
		AccessClient client = new AccessClient(this.port);
		HttpResponse<String> created = client.post("/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"analyst\",\"role\":\"ANALYST\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String analyst = JsonMapper.builder().build().readTree(created.body()).path("token").asString();

		HttpResponse<String> whileDown;
		HttpResponse<String> adminWhileDown;
		this.redisServer.server().stop();
		try {
			whileDown = client.put("/api/admin/rules/lumen-oak.xlsx", analyst, new byte[] { 1 });
			adminWhileDown = client.get("/api/admin/tokens", ADMIN_TOKEN);
		}
		finally {
			this.redisServer.server().start();
		}

		assertThat(whileDown.statusCode()).isEqualTo(503);
		assertThat(whileDown.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(whileDown.body()).contains("Redis is unreachable").doesNotContain(analyst);
		assertThat(adminWhileDown.statusCode()).isEqualTo(503);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> client.get("/api/admin/tokens", analyst).statusCode() == 403);
	}

}
