package dev.dmbot.server.leads;

import dev.dmbot.server.system.WebhookPost;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrmWebhookClientTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void timeoutsThrottlingAndServerErrorsAreRetriedOtherAnswersAreFinal() {
		CrmWebhookClient client = new CrmWebhookClient(
				new LeadsProperties(URI.create("https://crm.example/hook"), "secret", 6, Duration.ofSeconds(1),
						Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofDays(365), Duration.ofSeconds(1)),
				CLOCK);

		assertThat(client.classify(200, "", null).outcome()).isEqualTo(WebhookPost.Outcome.DELIVERED);
		assertThat(client.classify(204, "", null).outcome()).isEqualTo(WebhookPost.Outcome.DELIVERED);
		for (int status : new int[] { 408, 429, 500, 502, 503, 504 }) {
			assertThat(client.classify(status, "busy", null).outcome()).as("HTTP %d", status)
				.isEqualTo(WebhookPost.Outcome.RETRY);
		}
		for (int status : new int[] { 301, 400, 401, 403, 404, 409, 422 }) {
			assertThat(client.classify(status, "no", null).outcome()).as("HTTP %d", status)
				.isEqualTo(WebhookPost.Outcome.REFUSED);
		}
		WebhookPost.Attempt throttled = client.classify(429, "{\"error\":\"slow down\"}", "30");
		assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(30));
		assertThat(throttled.error()).isEqualTo("HTTP 429 from the CRM: {\"error\":\"slow down\"}");
	}

}
