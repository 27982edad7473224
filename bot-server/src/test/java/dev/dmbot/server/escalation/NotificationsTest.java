package dev.dmbot.server.escalation;

import dev.dmbot.server.system.WebhookPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the notification webhook is sent, and how its answers are read. */
class NotificationsTest {

	static final Instant OPENED = Instant.parse("2026-05-10T09:00:00Z");

	static final Clock CLOCK = Clock.fixed(OPENED, ZoneOffset.UTC);

	@Test
	void aNewEscalationSaysTeamPriorityReasonTheCustomersWordsAndWhereToAnswer() {
		String text = NotificationText.opened(stored(null), "I was charged twice\nfor order A-1042",
				"https://bot.example.com/inbox/#01ABC");

		assertThat(text).isEqualTo("""
				New escalation for team care (urgent priority): double charge
				Customer 9001 on account 1784 wrote: \u201CI was charged twice for order A-1042\u201D
				The customer was told: \u201CA teammate will reply within 4 hours.\u201D
				Reply within 4 hours: https://bot.example.com/inbox/#01ABC""");
	}

	@Test
	void theSlaReminderSaysHowLongItHasWaitedAndWhoClaimedIt() {
		String text = NotificationText.slaMissed(stored("rui"), null, "/inbox/#01ABC",
				OPENED.plus(Duration.ofHours(4).plusMinutes(2)));

		assertThat(text).isEqualTo("""
				Still no agent reply after 4 hours 2 minutes (reply time 4 hours): team care, urgent priority, \
				double charge
				Claimed by rui
				Customer 9001 on account 1784
				Answer now: /inbox/#01ABC""");
	}

	@Test
	void successIsDeliveredBusyOrBrokenIsRetriedAnythingElseIsFinal() {
		NotifyWebhookClient client = new NotifyWebhookClient(java.net.URI.create("https://hooks.example.com/x"),
				Duration.ofSeconds(1), CLOCK);

		assertThat(client.classify(200, "ok", null).outcome()).isEqualTo(WebhookPost.Outcome.DELIVERED);
		for (int status : new int[] { 408, 429, 500, 503 }) {
			assertThat(client.classify(status, "", null).outcome()).as("HTTP %d", status)
				.isEqualTo(WebhookPost.Outcome.RETRY);
		}
		for (int status : new int[] { 400, 403, 404, 410 }) {
			assertThat(client.classify(status, "invalid_token", null).outcome()).as("HTTP %d", status)
				.isEqualTo(WebhookPost.Outcome.REFUSED);
		}
		WebhookPost.Attempt throttled = client.classify(429, "rate_limited", "30");
		assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(throttled.error()).isEqualTo("HTTP 429 from the notification webhook: rate_limited");
	}

	@Test
	void durationsReadAsPeopleWriteThem() {
		assertThat(Durations.words(Duration.ofHours(48))).isEqualTo("2 days");
		assertThat(Durations.words(Duration.ofDays(8).plusHours(3).plusMinutes(20))).isEqualTo("8 days 3 hours");
		assertThat(Durations.words(Duration.ofMinutes(61))).isEqualTo("1 hour 1 minute");
		assertThat(Durations.words(Duration.ofSeconds(5))).isEqualTo("5 seconds");
		assertThat(Durations.words(Duration.ZERO)).isEqualTo("0 seconds");
	}

	static StoredEscalation stored(String assignee) {
		Escalation escalation = new Escalation("01ABC", "1784", "9001", "double_charge", "care", "urgent",
				assignee == null ? Escalation.OPEN : Escalation.CLAIMED, assignee, OPENED, null, null, OPENED, null,
				Duration.ofHours(48), Duration.ofHours(4), "shop.xlsx › Escalations › row 3", Map.of(), Set.of());
		return new StoredEscalation(escalation, "A teammate will reply within 4 hours.", null, null, null, true, false);
	}

}
