package dev.dmbot.server.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.context.annotation.Import;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.guardrails.GuardrailKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Guardrails sheet on real parts: signed webhooks in, the shipped workbook with a cap
 * of 3 and a disclosure line, opt-out state and counts in a real redis-server, and the
 * exact Send API calls out to a fake Meta.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.profile.enabled=false", "bot.rules.watch=false" })
@Import(MovableTime.class)
class GuardrailsIT {

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	static final String DISCLOSURE = "You're chatting with Lumen & Oak's assistant 🤖";

	static final String OPENING_HOURS = "Our shop and design studio are at Rua de Cedofeita 123, Porto 📍 We're open"
			+ " Monday to Saturday, 10:00–19:00. Come and say olá!";

	static final String OPTED_OUT = "Done. We won't send you any more messages. If you change your mind, just write"
			+ " START. 👋";

	static final MetaApiStub meta = new MetaApiStub();

	static final Path folder = shippedRulesWithCapAndDisclosure();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
		registry.add("bot.rules.dir", folder::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	final JsonMapper json = JsonMapper.builder().build();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
		movable().advanceTo(movable().next(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), LISBON));
	}

	@Test
	void theDisclosureOpensTheFirstAutomatedMessageOnly() {
		assertThat(say("What time do you open on Saturday?")).isEqualTo(DISCLOSURE + "\n\n" + OPENING_HOURS);
		assertThat(say("What time do you open on Saturday?")).isEqualTo(OPENING_HOURS);
		assertThat(this.redis.exists(GuardrailKeys.disclosed(WebhookPayloads.ACCOUNT, this.customer.sender())))
			.isTrue();
	}

	@Test
	void optingOutIsConfirmedOnceAndSilencesTheBotUntilTheCustomerOptsIn() {
		say("What time do you open on Saturday?");
		double silencedBefore = counted("silenced");

		assertThat(say("STOP")).isEqualTo(OPTED_OUT);
		say("stop", false);
		say("What time do you open on Saturday?", false);
		say("Can I talk to someone from your team please?", false);
		assertThat(meta.sentTo(this.customer.sender())).hasSize(2);
		assertThat(counted("silenced") - silencedBefore).isEqualTo(3);

		assertThat(say("start")).isEqualTo("Welcome back, there! 👋 How can I help you today?");
		assertThat(say("What time do you open on Saturday?")).isEqualTo(OPENING_HOURS);
		assertThat(this.redis.exists(GuardrailKeys.optOut(WebhookPayloads.ACCOUNT, this.customer.sender()))).isFalse();
	}

	@Test
	void theOptOutIntentOptsOutInAnyWordingWithTheSheetsConfirmation() {
		say("What time do you open on Saturday?");

		assertThat(say("Please don't message me again")).isEqualTo(OPTED_OUT);
		say("hello?", false);
		assertThat(say("voltar")).startsWith("Welcome back");
	}

	@Test
	void theDailyCapDropsAutomatedMessagesUntilTheNextDayInTheAccountsTimeZone() {
		double cappedBefore = counted("capped");
		say("What time do you open on Saturday?");
		say("What time do you open on Saturday?");
		say("What time do you open on Saturday?");

		say("What time do you open on Saturday?", false);
		assertThat(meta.sentTo(this.customer.sender())).hasSize(3);
		assertThat(counted("capped") - cappedBefore).isEqualTo(1);

		movable().advanceTo(movable().next(DayOfWeek.THURSDAY, LocalTime.of(0, 5), LISBON));
		assertThat(say("What time do you open on Saturday?")).isEqualTo(OPENING_HOURS);
	}

	private double counted(String action) {
		var counter = this.meters.find("bot.guardrails").tag("action", action).counter();
		return (counter == null) ? 0 : counter.count();
	}

	private String say(String text) {
		int before = meta.sentTo(this.customer.sender()).size();
		assertThat(this.webhook.post(this.customer.at(this.clock.millis()).textMessage(text)).statusCode())
			.isEqualTo(200);
		return textOf(awaitSends(before + 1).get(before));
	}

	/** A message the bot must not answer: waits until it is in the conversation log. */
	private void say(String text, boolean answered) {
		assertThat(answered).isFalse();
		int before = meta.sentTo(this.customer.sender()).size();
		assertThat(this.webhook.post(this.customer.at(this.clock.millis()).textMessage(text)).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.redis
				.xrevrange("bot:{" + WebhookPayloads.ACCOUNT + ":" + this.customer.sender() + "}:log", "+", "-", 1)
				.stream()
				.anyMatch((entry) -> entry.getFields().get("entry").contains(this.json.writeValueAsString(text))));
		assertThat(meta.sentTo(this.customer.sender())).hasSize(before);
	}

	private List<LoggedRequest> awaitSends(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meta.sentTo(this.customer.sender())).hasSizeGreaterThanOrEqualTo(count));
		return meta.sentTo(this.customer.sender());
	}

	private String textOf(LoggedRequest sent) {
		return this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString();
	}

	private MovableClock movable() {
		return (MovableClock) this.clock;
	}

	/** The shipped workbook with a cap of 3 messages a day and a disclosure line. */
	private static Path shippedRulesWithCapAndDisclosure() {
		try (InputStream in = Files.newInputStream(Path.of("..", "rules", "lumen-oak.xlsx"));
				XSSFWorkbook poi = new XSSFWorkbook(in)) {
			Sheet sheet = poi.getSheet("Guardrails");
			set(sheet, "Daily message cap", "3");
			set(sheet, "Disclosure", DISCLOSURE);
			Path dir = Files.createTempDirectory("guardrails-rules");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			Files.write(dir.resolve("lumen-oak.xlsx"), out.toByteArray());
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void set(Sheet sheet, String setting, String value) {
		for (var row : sheet) {
			if (row.getCell(0) != null && setting.equals(row.getCell(0).getStringCellValue())) {
				row.createCell(1).setCellValue(value);
				return;
			}
		}
		throw new IllegalStateException("no " + setting + " row in the Guardrails sheet");
	}

}
