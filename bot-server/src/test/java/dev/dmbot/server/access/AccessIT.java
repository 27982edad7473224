package dev.dmbot.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.MetaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens on the admin and agent APIs, against the server's embedded default
 * (sandbox mode, a real redis-server). Spring Security and Spring MVC log at debug level
 * here, to show that even then no token reaches the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.security.admin-token=" + AccessIT.ADMIN_TOKEN,
				"logging.level.org.springframework.security=debug",
				"logging.level.org.springframework.web.servlet.mvc.method.annotation=debug" })
@ExtendWith(OutputCaptureExtension.class)
class AccessIT {

	static final String ADMIN_TOKEN = "it-bootstrap-admin-7Qw2xZ9pLm";

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	ApplicationContext context;

	final JsonMapper json = JsonMapper.builder().build();

	AccessClient client;

	@BeforeEach
	void connect() {
		this.client = new AccessClient(this.port);
	}

	@Test
	void requestWithoutATokenIsRefusedWith401AndABearerChallenge() {
		for (HttpResponse<String> response : List.of(this.client.get("/api/admin/tokens", null),
				this.client.put("/api/admin/rules/lumen-oak.xlsx", null, new byte[] { 1 }),
				this.client.get("/api/agent/inbox", null))) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
			assertThat(error(response)).contains("Authorization: Bearer");
		}
	}

	@Test
	void unknownOrMalformedTokenIsRefusedWith401() {
		for (String token : List.of("dmbot_" + "A".repeat(43), "not-a-token-at-all", ADMIN_TOKEN + "x")) {
			HttpResponse<String> response = this.client.get("/api/admin/tokens", token);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValue("Bearer realm=\"dmbot\", error=\"invalid_token\"");
			assertThat(error(response)).isEqualTo("Unknown or revoked token");
		}
		HttpResponse<String> basic = this.client.send(
				this.client.request("/api/admin/tokens", null).header("Authorization", "Basic YWRtaW46c2VjcmV0").GET());
		assertThat(basic.statusCode()).isEqualTo(401);
	}

	@Test
	void bootstrapAdminIssuesRoleTokensThatWorkUntilRevoked(CapturedOutput output) {
		String suffix = Long.toString(System.nanoTime());
		String analyst = issue("analyst-" + suffix, "ANALYST");
		String agent = issue("agent-" + suffix, "agent");

		assertThat(analyst).startsWith("dmbot_");
		HttpResponse<String> analystCreates = this.client.post("/api/admin/tokens", analyst,
				"{\"name\":\"sneaky-" + suffix + "\",\"role\":\"ADMIN\"}");
		assertThat(analystCreates.statusCode()).isEqualTo(403);
		assertThat(error(analystCreates)).contains("needs the role ADMIN")
			.contains("'analyst-" + suffix + "' has the role ANALYST");

		// An agent token cannot upload rules.
		HttpResponse<String> agentUploads = this.client.put("/api/admin/rules/lumen-oak.xlsx", agent, workbook());
		assertThat(agentUploads.statusCode()).isEqualTo(403);
		assertThat(error(agentUploads)).contains("needs the role ADMIN or ANALYST");
		// The analyst may upload: the shipped workbook again is the live version again.
		assertThat(this.client.put("/api/admin/rules/lumen-oak.xlsx", analyst, workbook()).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/api/agent/inbox", agent).statusCode()).isNotIn(401, 403, 500);
		assertThat(this.client.get("/api/agent/inbox", analyst).statusCode()).isEqualTo(403);

		HttpResponse<String> revoked = this.client.delete("/api/admin/tokens/analyst-" + suffix, ADMIN_TOKEN);
		assertThat(revoked.statusCode()).isEqualTo(204);
		assertThat(this.client.put("/api/admin/rules/lumen-oak.xlsx", analyst, workbook()).statusCode()).isEqualTo(401);
		assertThat(this.client.delete("/api/admin/tokens/analyst-" + suffix, ADMIN_TOKEN).statusCode()).isEqualTo(404);
		assertThat(this.client.get("/api/agent/inbox", agent).statusCode()).isNotIn(401, 403, 500);

		// Spring MVC logs what it writes at debug level: the capture sees the server's
		// log.
		assertThat(output.getAll()).contains("name=analyst-" + suffix);
		assertThat(output.getAll()).doesNotContain(analyst)
			.doesNotContain(agent)
			.doesNotContain(ADMIN_TOKEN)
			.doesNotContain(TokenDigest.hex(analyst))
			.doesNotContain(TokenDigest.hex(agent));
	}

	@Test
	void listingShowsWhoCreatedWhatButNoSecret() throws Exception {
		String name = "lister-" + System.nanoTime();
		String token = issue(name, "AGENT");

		HttpResponse<String> listed = this.client.get("/api/admin/tokens", ADMIN_TOKEN);

		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(token).doesNotContain(TokenDigest.hex(token)).doesNotContain("dmbot_");
		JsonNode entry = null;
		for (JsonNode node : this.json.readTree(listed.body())) {
			if (node.path("name").asString().equals(name)) {
				entry = node;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.path("role").asString()).isEqualTo("AGENT");
		assertThat(entry.path("createdBy").asString()).isEqualTo("admin");
		assertThat(Instant.parse(entry.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(entry.properties()).hasSize(4);
	}

	@Test
	void redisHoldsTheTokenHashNeverTheToken() {
		String token = issue("stored-" + System.nanoTime(), "ANALYST");

		List<String> everything = new ArrayList<>();
		String cursor = ScanParams.SCAN_POINTER_START;
		do {
			ScanResult<String> page = this.redis.scan(cursor, new ScanParams().count(500));
			for (String key : page.getResult()) {
				everything.add(key);
				everything.addAll(values(key));
			}
			cursor = page.getCursor();
		}
		while (!cursor.equals(ScanParams.SCAN_POINTER_START));

		assertThat(everything).noneMatch(text -> text.contains(token));
		assertThat(everything).anyMatch(text -> text.contains(TokenDigest.hex(token)));
	}

	@Test
	void creationRefusesDuplicateNamesMissingNamesAndUnknownRoles() {
		String name = "dup-" + System.nanoTime();
		issue(name, "ANALYST");

		HttpResponse<String> duplicate = this.client.post("/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"" + name + "\",\"role\":\"AGENT\"}");
		HttpResponse<String> unknownRole = this.client.post("/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"x-" + name + "\",\"role\":\"OWNER\"}");
		HttpResponse<String> noName = this.client.post("/api/admin/tokens", ADMIN_TOKEN, "{\"role\":\"AGENT\"}");
		HttpResponse<String> bootstrapName = this.client.post("/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"admin\",\"role\":\"ADMIN\"}");

		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(error(duplicate)).contains(name).contains("exists already");
		assertThat(unknownRole.statusCode()).isEqualTo(400);
		assertThat(error(unknownRole)).contains("ADMIN, ANALYST, AGENT").contains("OWNER");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(error(noName)).contains("name").contains("missing");
		assertThat(bootstrapName.statusCode()).isEqualTo(409);
	}

	@Test
	void signedWebhookPlaygroundAndActuatorNeedNoToken() {
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);

		assertThat(webhook.post(WebhookPayloads.from(WebhookPayloads.newSender()).textMessage("hi")).statusCode())
			.isEqualTo(200);
		assertThat(webhook.post(new byte[] { '{', '}' }, "sha256=00").statusCode()).isEqualTo(401);
		assertThat(this.client
			.post("/api/playground/messages", null,
					"{\"sender\":\"access" + System.nanoTime() + "\",\"kind\":\"text\",\"text\":\"hi\"}")
			.statusCode()).isEqualTo(200);
		assertThat(this.client.get("/", null).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
	}

	@Test
	void anAnalystTokenBoundToAnAccountSeesThatAccountsDataOnly() {
		String own = WebhookPayloads.ACCOUNT;
		String other = "17841400000000999";
		HttpResponse<String> created = this.client.post("/api/admin/tokens", ADMIN_TOKEN, "{\"name\":\"shop-analyst-"
				+ System.nanoTime() + "\",\"role\":\"ANALYST\",\"accounts\":[\"" + own + "\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String analyst = this.json.readTree(created.body()).path("token").asString();

		HttpResponse<String> ownContact = this.client.get("/api/contacts/" + own + "/42/attributes", analyst);
		HttpResponse<String> otherContact = this.client.get("/api/contacts/" + other + "/42/attributes", analyst);
		HttpResponse<String> ownLeads = this.client.get("/api/leads?account=" + own, analyst);
		HttpResponse<String> allLeads = this.client.get("/api/leads", analyst);
		HttpResponse<String> otherConversions = this.client.get("/api/conversions?account=" + other, analyst);
		HttpResponse<String> rules = this.client.get("/api/admin/rules/versions", analyst);
		HttpResponse<String> activity = this.client.get("/api/admin/accounts/activity", analyst);

		assertThat(ownContact.statusCode()).isEqualTo(200);
		assertThat(ownLeads.statusCode()).isEqualTo(200);
		assertThat(activity.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(activity.body()).findValuesAsString("account")).containsExactly(own);
		assertThat(otherContact.statusCode()).isEqualTo(403);
		assertThat(error(otherContact)).contains("sees only the accounts " + own).contains("not " + other);
		assertThat(otherConversions.statusCode()).isEqualTo(403);
		assertThat(allLeads.statusCode()).isEqualTo(403);
		assertThat(error(allLeads)).contains("spans every account").contains("?account=");
		assertThat(rules.statusCode()).isEqualTo(403);
		// An analyst token bound to no account keeps seeing everything.
		String free = issue("free-analyst-" + System.nanoTime(), "ANALYST");
		assertThat(this.client.get("/api/leads", free).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/api/contacts/" + other + "/42/attributes", free).statusCode()).isEqualTo(200);
	}

	@Test
	void noDefaultUserWithAGeneratedPasswordExists() {
		assertThat(this.context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
	}

	private String issue(String name, String role) {
		HttpResponse<String> created = this.client.post("/api/admin/tokens", ADMIN_TOKEN,
				"{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.body());
		assertThat(body.path("name").asString()).isEqualTo(name);
		assertThat(body.path("role").asString()).isEqualTo(role.toUpperCase());
		return body.path("token").asString();
	}

	private String error(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		return this.json.readTree(response.body()).path("error").asString();
	}

	private List<String> values(String key) {
		return switch (this.redis.type(key)) {
			case "string" -> List.of(this.redis.get(key));
			case "hash" ->
				this.redis.hgetAll(key).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
			case "list" -> this.redis.lrange(key, 0, -1);
			case "set" -> new ArrayList<>(this.redis.smembers(key));
			case "zset" -> this.redis.zrange(key, 0, -1);
			case "stream" -> this.redis.xrange(key, "-", "+").stream().map(StreamEntry::toString).toList();
			default -> List.of();
		};
	}

	private static byte[] workbook() {
		try {
			return Files.readAllBytes(Path.of("../rules/lumen-oak.xlsx"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
