package dev.dmbot.server.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.BotServerApplication;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.EmbeddedRedisServerHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analysts change the live bot without a restart: a workbook saved in the rules folder or
 * uploaded through the admin API goes live on the next messages; a broken one never
 * replaces the working rules; every version is kept and can be compared and rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.debounce=150ms", "bot.rules.poll-interval=200ms",
				"bot.security.admin-token=" + RulesLiveReloadIT.ADMIN_TOKEN })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesLiveReloadIT {

	static final String ADMIN_TOKEN = "test-admin-token-never-logged";

	static final MetaApiStub meta = new MetaApiStub();

	static final Path folder = copyOfTheShippedRules();

	static final String PORTO_REPLY_CELL = "G23";

	static final String OLD_PORTO_REPLY = "Good news for Porto!";

	static final String NEW_PORTO_REPLY = "Porto? Orders are delivered the same day, free. Rua de Cedofeita 123!";

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.rules.dir", folder::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	RuleSetActivator activator;

	@Autowired
	EmbeddedRedisServerHolder redisServer;

	@Test
	@Order(1)
	void aReplyEditedOnDiskGoesLiveWhileMessagesKeepFlowingAndNoneIsLost() throws Exception {
		WebhookClient webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		int versionBefore = this.activator.current().number();
		List<WebhookPayloads> customers = new ArrayList<>();
		AtomicBoolean flowing = new AtomicBoolean(true);
		Thread stream = new Thread(() -> {
			while (flowing.get()) {
				WebhookPayloads customer = WebhookPayloads.from(WebhookPayloads.newSender());
				synchronized (customers) {
					customers.add(customer);
				}
				assertThat(webhook.post(customer.textMessage("how much is shipping to Porto?")).statusCode())
					.isEqualTo(200);
				sleep(25);
			}
		});
		stream.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> sent(customers) >= 15);

		save(TestWorkbooks.shippedWith(PORTO_REPLY_CELL, NEW_PORTO_REPLY));
		// How fast a save goes live is measured by RulesReloadDriver (BENCHMARKS.md), not
		// here.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.activator.current().number() > versionBefore);
		int sentBeforeLive = sent(customers);
		await().atMost(Duration.ofSeconds(30)).until(() -> sent(customers) >= sentBeforeLive + 15);
		flowing.set(false);
		stream.join();

		List<String> replies = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			replies.clear();
			for (WebhookPayloads customer : customers) {
				assertThat(meta.sentTo(customer.sender())).as("replies to %s", customer.sender()).hasSize(1);
				replies.add(sentText(meta.sentTo(customer.sender()).get(0).getBodyAsString()));
			}
		});
		assertThat(replies).hasSizeGreaterThanOrEqualTo(30)
			.allSatisfy(
					(reply) -> assertThat(reply).satisfiesAnyOf((text) -> assertThat(text).startsWith(OLD_PORTO_REPLY),
							(text) -> assertThat(text).isEqualTo(NEW_PORTO_REPLY)));
		assertThat(replies.subList(0, 5)).allSatisfy((reply) -> assertThat(reply).startsWith(OLD_PORTO_REPLY));
		assertThat(replies.subList(replies.size() - 5, replies.size())).containsOnly(NEW_PORTO_REPLY);
		assertThat(this.activator.current().activatedBy()).isEqualTo("file-watcher");
	}

	@Test
	@Order(2)
	void aBrokenSaveNeverReplacesTheLiveRules() throws Exception {
		RuleSetVersion live = this.activator.current();
		double failures = failures("folder");

		save(TestWorkbooks.shippedWith("B24", "shiping"));

		await().atMost(Duration.ofSeconds(5)).until(() -> failures("folder") > failures);
		assertThat(this.activator.current()).isEqualTo(live);
		assertThat(explain("how much is shipping to Porto?").path("reply").asString()).isEqualTo(NEW_PORTO_REPLY);
	}

	@Test
	@Order(3)
	void anUploadGoesLiveAndEveryVersionCanBeComparedAndRolledBack() throws Exception {
		int before = this.activator.current().number();
		String uploadedReply = "Porto: delivered the same day, on the house.";

		HttpResponse<String> uploaded = put("lumen-oak.xlsx",
				TestWorkbooks.shippedWith(PORTO_REPLY_CELL, uploadedReply).bytes());

		assertThat(uploaded.statusCode()).isEqualTo(200);
		int after = this.json.readTree(uploaded.body()).path("number").asInt();
		assertThat(this.json.readTree(uploaded.body()).path("activatedBy").asString()).isEqualTo("admin");
		assertThat(after).isGreaterThan(before);
		assertThat(explain("how much is shipping to Porto?").path("reply").asString()).isEqualTo(uploadedReply);

		JsonNode diff = get("/api/admin/rules/versions/" + before + "/diff/" + after);
		assertThat(diff.path("changes")).hasSize(1);
		JsonNode change = diff.path("changes").get(0);
		assertThat(change.path("change").asString()).isEqualTo("changed");
		assertThat(change.path("sheet").asString()).isEqualTo("Replies");
		assertThat(change.path("rowAfter").asInt()).isEqualTo(23);
		assertThat(change.path("before").toString()).contains(NEW_PORTO_REPLY);
		assertThat(change.path("after").toString()).contains(uploadedReply);

		HttpResponse<String> rolledBack = post("/api/admin/rules/versions/" + before + "/activate", "");
		assertThat(rolledBack.statusCode()).isEqualTo(200);
		assertThat(explain("how much is shipping to Porto?").path("reply").asString()).isEqualTo(NEW_PORTO_REPLY);
		JsonNode versions = get("/api/admin/rules/versions");
		assertThat(versions.path("active").asInt()).isEqualTo(before);
		assertThat(versions.path("versions")).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	@Order(4)
	void aBrokenUploadIsRefusedNamingTheCellAndTheLiveRulesKeepServing() throws Exception {
		RuleSetVersion live = this.activator.current();

		HttpResponse<String> refused = put("lumen-oak.xlsx", TestWorkbooks.shippedWith("B24", "shiping").bytes());

		assertThat(refused.statusCode()).isEqualTo(422);
		JsonNode error = this.json.readTree(refused.body()).path("error");
		assertThat(error.path("workbook").asString()).isEqualTo("lumen-oak.xlsx");
		assertThat(error.path("sheet").asString()).isEqualTo("Replies");
		assertThat(error.path("row").asInt()).isEqualTo(24);
		assertThat(error.path("column").asString()).isEqualTo("B");
		assertThat(error.path("value").asString()).isEqualTo("shiping");
		assertThat(error.path("problem").asString()).contains("did you mean \"shipping\"");
		assertThat(error.path("fix").asString()).isNotBlank();
		assertThat(error.path("message").asString()).contains("shiping");
		assertThat(this.activator.current()).isEqualTo(live);
	}

	@Test
	@Order(5)
	void anUploadWhoseTestsSheetFailsIsRefusedNamingTheTestRow() throws Exception {
		RuleSetVersion live = this.activator.current();

		// The Tests sheet expects the Porto reply to promise same-day delivery.
		HttpResponse<String> refused = put("lumen-oak.xlsx",
				TestWorkbooks.shippedWith(PORTO_REPLY_CELL, "Porto? Delivery takes a week.").bytes());

		assertThat(refused.statusCode()).isEqualTo(422);
		JsonNode error = this.json.readTree(refused.body()).path("error");
		assertThat(error.path("sheet").asString()).isEqualTo("Tests");
		assertThat(error.path("row").asInt()).isEqualTo(5);
		assertThat(error.path("column").asString()).isEqualTo("I");
		assertThat(error.path("problem").asString()).contains("delivered the same day", "1 failed");
		assertThat(this.activator.current()).isEqualTo(live);
	}

	@Test
	@Order(6)
	void aFileThatIsNotAWorkbookIsRefusedWithA400() throws Exception {
		HttpResponse<String> refused = put("lumen-oak.xlsx", "name,reply\nhi,hello\n".getBytes());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("not an Excel workbook");
		assertThat(put("%7Elumen-oak.xlsx", TestWorkbooks.shipped().bytes()).body())
			.contains("not a workbook file name");
	}

	@Test
	@Order(7)
	void theLiveVersionIsShownInInfoAndAsAMetricTag() throws Exception {
		RuleSetVersion live = this.activator.current();

		JsonNode info = this.json.readTree(send(HttpRequest.newBuilder(uri("/actuator/info")).GET()).body());

		assertThat(info.path("rules").path("version").asInt()).isEqualTo(live.number());
		assertThat(info.path("rules").path("hash").asString()).isEqualTo(live.hash());
		assertThat(this.meters.find("bot.rules.active").tag("version", Integer.toString(live.number())).gauge())
			.isNotNull();
	}

	@Test
	@Order(8)
	void aSecondInstanceOnTheSameRedisServesWhatWasActivatedOnTheFirst() throws Exception {
		int redisPort = this.redisServer.server().port();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BotServerApplication.class).run(
				"--server.port=0", "--bot.redis.url=redis://127.0.0.1:" + redisPort, "--bot.rules.watch=false",
				"--bot.rules.poll-interval=200ms", "--bot.meta.app-secret=" + MetaApiStub.APP_SECRET,
				"--spring.jmx.enabled=false")) {
			RuleSetActivator secondActivator = second.getBean(RuleSetActivator.class);
			DecisionEngine secondEngine = second.getBean(DecisionEngine.class);
			assertThat(secondActivator.current().number()).isEqualTo(this.activator.current().number());
			String reply = "Porto, from either instance: delivered the same day.";

			assertThat(put("lumen-oak.xlsx", TestWorkbooks.shippedWith(PORTO_REPLY_CELL, reply).bytes()).statusCode())
				.isEqualTo(200);

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(secondEngine.activeVersion().hash())
					.isEqualTo(this.activator.current().hash()));
			assertThat(secondEngine.decide(TestWorkbooks.textMessage("shipping", "shipping to porto?")).reply())
				.isEqualTo(reply);
			assertThat(secondActivator.current()).isEqualTo(this.activator.current());
		}
	}

	private static int sent(List<WebhookPayloads> customers) {
		synchronized (customers) {
			return customers.size();
		}
	}

	private double failures(String source) {
		var counter = this.meters.find("bot.rules.reload.failures").tag("source", source).counter();
		return counter == null ? 0 : counter.count();
	}

	private JsonNode explain(String text) throws IOException {
		HttpResponse<String> response = post("/api/admin/rules/explain", "{\"text\":\"" + text + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode get(String path) throws IOException {
		HttpResponse<String> response = send(authorized(path).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String body) {
		return send(authorized(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> put(String workbook, byte[] bytes) {
		return send(authorized("/api/admin/rules/" + workbook).header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	private HttpRequest.Builder authorized(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return HttpCalls.send(this.http, request);
	}

	private String sentText(String sendApiBody) {
		return this.json.readTree(sendApiBody).path("message").path("text").asString();
	}

	/**
	 * Saves the way editors do: write a temporary file, then move it over the workbook.
	 */
	private static void save(Workbook workbook) throws IOException {
		Path temporary = folder.resolve(".~lock-" + System.nanoTime() + ".tmp");
		Files.write(temporary, workbook.bytes());
		Files.move(temporary, folder.resolve(workbook.name()), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	private static Path copyOfTheShippedRules() {
		try {
			Path copy = Files.createTempDirectory("dmbot-rules-");
			Files.write(copy.resolve("lumen-oak.xlsx"), TestWorkbooks.shipped().bytes());
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
