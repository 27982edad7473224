package dev.dmbot.server.followups;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.context.annotation.Import;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.escalation.EscalationRequest;
import dev.dmbot.server.escalation.EscalationService;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.MovableClock;
import dev.dmbot.server.support.MovableTime;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follow-ups on real parts: the shipped workbook's pricing row schedules one two hours
 * later, kept in a real redis-server and sent to a fake Meta when a moved clock says it
 * is due, or not at all when the customer writes first, the 24-hour window would be
 * closed, they opted out, a person has the conversation or the daily cap is reached; in
 * the Guardrails sheet's quiet hours it waits for them to end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.followups.poll-interval=50ms", "bot.profile.timeout=500ms" })
@Import(MovableTime.class)
class FollowUpsIT {

	static final MetaApiStub meta = new MetaApiStub();

	static final String PRICING_QUESTION = "how much is the oak bookshelf?";

	static final String FOLLOW_UP = "Still thinking about it, there? Tell me which piece caught your eye and I'll send you its sizes and price 🙂";

	static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ConversationLog conversationLog;

	@Autowired
	EscalationService escalations;

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		// A weekday late morning in Lisbon, far from the quiet hours.
		movable().advanceTo(movable().next(DayOfWeek.WEDNESDAY, LocalTime.of(11, 0), LISBON));
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
	}

	@Test
	void aFollowUpIsSentOnceWhenItsDelayHasPassed() {
		double sent = count("sent");
		askThePrice();

		movable().advance(Duration.ofMinutes(119));
		stillOnly(1);
		movable().advance(Duration.ofMinutes(2));

		await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 2);
		assertThat(sends().get(1).getBodyAsString()).isEqualTo("{\"recipient\":{\"id\":\"" + this.customer.sender()
				+ "\"},\"message\":{\"text\":\"" + FOLLOW_UP + "\"}}");
		movable().advance(Duration.ofHours(3));
		stillOnly(2);
		assertThat(count("sent")).isEqualTo(sent + 1);
		assertThat(this.redis.exists(FollowUpKeys.followUp(WebhookPayloads.ACCOUNT, this.customer.sender()))).isFalse();
		List<LogEntry> log = this.conversationLog.recent(WebhookPayloads.ACCOUNT, this.customer.sender(), 10);
		assertThat(log).anySatisfy((entry) -> {
			assertThat(entry.kind()).isEqualTo("follow_up");
			assertThat(entry.text()).isEqualTo(FOLLOW_UP);
			assertThat(entry.outcome()).isEqualTo("sent");
		});
	}

	@Test
	void aCustomerWhoWritesBeforeTheDelayGetsNoFollowUp() {
		double cancelled = count("cancelled");
		askThePrice();

		movable().advance(Duration.ofMinutes(30));
		this.webhook.post(this.customer.at(this.clock.millis()).textMessage("thanks a lot!"));
		await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 2);
		movable().advance(Duration.ofHours(3));

		stillOnly(2);
		assertThat(count("cancelled")).isEqualTo(cancelled + 1);
		assertThat(this.redis.exists(FollowUpKeys.followUp(WebhookPayloads.ACCOUNT, this.customer.sender()))).isFalse();
	}

	@Test
	void aFollowUpThatWouldLandOutsideTheWindowIsNotSentAndCounted() {
		double windowClosed = count("window_closed");
		// Written 23 hours ago and only now delivered: two hours from now the window is
		// closed.
		this.webhook.post(
				this.customer.at(this.clock.millis() - Duration.ofHours(23).toMillis()).textMessage(PRICING_QUESTION));
		await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 1);

		assertThat(count("window_closed")).isEqualTo(windowClosed + 1);
		movable().advance(Duration.ofHours(3));
		stillOnly(1);
	}

	@Test
	void aFollowUpDueInQuietHoursWaitsForThemToEnd() {
		movable().advanceTo(movable().next(DayOfWeek.THURSDAY, LocalTime.of(20, 0), LISBON));
		double delayed = count("delayed");
		askThePrice();

		// Due at 22:00, inside the quiet hours (21:00 to 09:00).
		movable().advance(Duration.ofMinutes(121));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("delayed") == delayed + 1);
		stillOnly(1);
		movable().advanceTo(movable().next(DayOfWeek.FRIDAY, LocalTime.of(9, 1), LISBON));

		await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 2);
		assertThat(sends().get(1).getBodyAsString()).contains(FOLLOW_UP);
	}

	@Test
	void aCustomerWhoOptedOutMeanwhileGetsNoFollowUp() {
		double optedOut = count("opted_out");
		askThePrice();
		// Opted out on another channel of the same account: the guardrails' key, no
		// message that would cancel the follow-up.
		this.redis.set("bot:{" + WebhookPayloads.ACCOUNT + ":" + this.customer.sender() + "}:optout",
				this.clock.instant().toString());

		movable().advance(Duration.ofHours(3));

		await().atMost(Duration.ofSeconds(10)).until(() -> count("opted_out") == optedOut + 1);
		stillOnly(1);
	}

	@Test
	void aConversationAPersonTookOverGetsNoFollowUp() {
		double paused = count("paused");
		askThePrice();
		this.escalations.open(new EscalationRequest(WebhookPayloads.ACCOUNT, this.customer.sender(), "escalated",
				"general", "normal", null, null, null, null, Map.of(), Set.of()));

		movable().advance(Duration.ofHours(3));

		await().atMost(Duration.ofSeconds(10)).until(() -> count("paused") == paused + 1);
		stillOnly(1);
	}

	@Test
	void aCustomerOverTheDailyCapGetsNoFollowUp() {
		double capped = count("capped");
		askThePrice();
		// The shipped cap is 30 a day; 29 more went out today.
		String today = movable().instant().plus(Duration.ofHours(2)).atZone(LISBON).toLocalDate().toString();
		this.redis.set("bot:{" + WebhookPayloads.ACCOUNT + ":" + this.customer.sender() + "}:sent:" + today, "30");

		movable().advance(Duration.ofHours(3));

		await().atMost(Duration.ofSeconds(10)).until(() -> count("capped") == capped + 1);
		stillOnly(1);
	}

	private void askThePrice() {
		this.webhook.post(this.customer.at(this.clock.millis()).textMessage(PRICING_QUESTION));
		await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 1);
		// Either wording of the pricing A/B test.
		assertThat(sends().get(0).getBodyAsString()).contains("€24");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.redis.exists(FollowUpKeys.followUp(WebhookPayloads.ACCOUNT, this.customer.sender())));
	}

	/** Gives the pollers time to send more, and checks they did not. */
	private void stillOnly(int sends) {
		await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> sends().size() == sends);
	}

	private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sends() {
		return meta.sentTo(this.customer.sender());
	}

	private double count(String outcome) {
		Counter counter = this.meters.find("bot.followups").tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	private MovableClock movable() {
		return (MovableClock) this.clock;
	}

}
