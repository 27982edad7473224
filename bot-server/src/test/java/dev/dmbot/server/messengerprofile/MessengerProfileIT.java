package dev.dmbot.server.messengerprofile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.workbook.RuleSetActivator;
import dev.dmbot.server.workbook.RuleSetVersion;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.Workbook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ice breakers and persistent menu of the Ice breakers &amp; menu sheet reach Meta's
 * Messenger Profile API when a version goes live: once per profile, after a retry when
 * Meta fails, never instead of the rules, and never when the sheet breaks Meta's limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.poll-interval=200ms", "bot.messenger-profile.initial-backoff=50ms",
				"bot.messenger-profile.max-backoff=200ms",
				"bot.security.admin-token=" + MessengerProfileIT.ADMIN_TOKEN })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessengerProfileIT {

	static final String ADMIN_TOKEN = "test-admin-token-for-the-menu";

	static final MetaApiStub meta = new MetaApiStub();

	static final Path folder = copyOfTheShippedRules();

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

	@Test
	@Order(1)
	void startUpPushesTheShippedIceBreakersAndMenuOnce() {
		await().atMost(Duration.ofSeconds(20)).until(() -> pushes("pushed") == 1);

		assertThat(meta.profilePushes()).hasSize(1);
		LoggedRequest push = meta.profilePushes().get(0);
		assertThat(this.json.readTree(push.getBodyAsString()))
			.isEqualTo(this.json.readTree(ProfileSheetTest.EXPECTED_BODY));
		assertThat(push.getHeader("Authorization")).isEqualTo("Bearer " + MetaApiStub.ACCESS_TOKEN);
		assertThat(push.queryParameter("platform").firstValue()).isEqualTo("instagram");
		assertThat(push.getUrl()).doesNotContain(MetaApiStub.ACCESS_TOKEN);
	}

	@Test
	@Order(2)
	void anUploadThatLeavesTheProfileAloneDoesNotPushItAgain() {
		double unchanged = pushes("unchanged");
		int before = this.activator.current().number();

		HttpResponse<String> uploaded = put(
				TestWorkbooks.shippedWith("G23", "Porto? Orders are delivered the same day, free."));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		assertThat(this.activator.current().number()).isGreaterThan(before);
		await().atMost(Duration.ofSeconds(10)).until(() -> pushes("unchanged") > unchanged);
		assertThat(meta.profilePushes()).hasSize(1);
	}

	@Test
	@Order(3)
	void aPushMetaFailsIsRetriedWhileTheNewRulesServe() {
		meta.server()
			.stubFor(post(urlPathEqualTo(MetaApiStub.PROFILE_PATH)).atPriority(1)
				.inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(500)
					.withHeader("Content-Type", "application/json")
					.withBody(
							"{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\","
									+ "\"code\":2,\"fbtrace_id\":\"A1b2C3d4\"}}"))
				.willSetStateTo("recovered"));

		HttpResponse<String> uploaded = put(ProfileSheetTest.withProfileCells("A4", "Do you ship abroad?"));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		int live = this.json.readTree(uploaded.body()).path("number").asInt();
		assertThat(this.activator.current().number()).isEqualTo(live);
		await().atMost(Duration.ofSeconds(20)).until(() -> pushes("pushed") == 2);
		assertThat(pushes("failed")).isEqualTo(1);
		assertThat(meta.profilePushes()).hasSize(3);
		assertThat(meta.profilePushes().get(1).getBodyAsString())
			.isEqualTo(meta.profilePushes().get(2).getBodyAsString())
			.contains("\"question\":\"Do you ship abroad?\"");
		assertThat(this.activator.current().number()).isEqualTo(live);
	}

	@Test
	@Order(4)
	void aSheetMetaWouldRefuseIsRejectedAtItsCellAndNothingIsPushed() throws Exception {
		RuleSetVersion live = this.activator.current();

		HttpResponse<String> fifth = put(
				ProfileSheetTest.withProfileCells("A8", "Do you have gift cards?", "B8", "ICEBREAKER_SHIPPING"));
		HttpResponse<String> tooLong = put(ProfileSheetTest.withProfileCells("A5",
				"Where is my order, and when will the carrier call me to book a delivery slot for it?"));

		assertThat(fifth.statusCode()).as(fifth.body()).isEqualTo(422);
		JsonNode error = this.json.readTree(fifth.body()).path("error");
		assertThat(error.path("sheet").asString()).isEqualTo(ProfileSheetReader.NAME);
		assertThat(error.path("row").asInt()).isEqualTo(8);
		assertThat(error.path("column").asString()).isEqualTo("A");
		assertThat(error.path("problem").asString()).contains("at most 4");
		assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
		JsonNode long_ = this.json.readTree(tooLong.body()).path("error");
		assertThat(long_.path("row").asInt()).isEqualTo(5);
		assertThat(long_.path("column").asString()).isEqualTo("A");
		assertThat(long_.path("problem").asString()).contains("at most 80");
		assertThat(this.activator.current()).isEqualTo(live);
		Thread.sleep(300); // longer than a retry would wait: nothing was scheduled
		assertThat(meta.profilePushes()).hasSize(3);
	}

	private double pushes(String outcome) {
		Counter counter = this.meters.find("bot.messenger.profile.pushes").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private HttpResponse<String> put(Workbook workbook) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/admin/rules/lumen-oak.xlsx"))
					.header("Authorization", "Bearer " + ADMIN_TOKEN)
					.header("Content-Type", "application/octet-stream")
					.PUT(HttpRequest.BodyPublishers.ofByteArray(workbook.bytes())));
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

}
