package dev.dmbot.server.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a person may answer: plain within 24 hours, tagged up to 7 days, never after. */
class ReplyWindowTest {

	static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

	@Test
	void theWindowDependsOnTheAgeOfTheCustomersLastMessage() {
		assertThat(ReplyWindow.forAgent(NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo(ReplyWindow.STANDARD);
		assertThat(ReplyWindow.forAgent(NOW.minus(Duration.ofHours(24)), NOW)).isEqualTo(ReplyWindow.STANDARD);
		assertThat(ReplyWindow.forAgent(NOW.minus(Duration.ofHours(24).plusSeconds(1)), NOW))
			.isEqualTo(ReplyWindow.HUMAN_AGENT);
		assertThat(ReplyWindow.forAgent(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo(ReplyWindow.HUMAN_AGENT);
		assertThat(ReplyWindow.forAgent(NOW.minus(Duration.ofDays(7)), NOW)).isEqualTo(ReplyWindow.HUMAN_AGENT);
		assertThat(ReplyWindow.forAgent(NOW.minus(Duration.ofDays(7).plusSeconds(1)), NOW))
			.isEqualTo(ReplyWindow.CLOSED);
		assertThat(ReplyWindow.forAgent(null, NOW)).as("the customer never wrote").isEqualTo(ReplyWindow.CLOSED);
		assertThat(ReplyWindow.HUMAN_AGENT.tag()).isEqualTo("human_agent");
	}

	@Test
	void aTaggedReplyCarriesMessageTagAndHumanAgentAndAPlainOneNeither() {
		Map<String, Object> plain = OutboundDispatcher.agentBody("9001", "Hi!", ReplyWindow.STANDARD);
		Map<String, Object> tagged = OutboundDispatcher.agentBody("9001", "Hi!", ReplyWindow.HUMAN_AGENT);

		assertThat(plain).isEqualTo(Map.of("recipient", Map.of("id", "9001"), "message", Map.of("text", "Hi!")));
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("recipient", Map.of("id", "9001"));
		expected.put("messaging_type", "MESSAGE_TAG");
		expected.put("tag", "HUMAN_AGENT");
		expected.put("message", Map.of("text", "Hi!"));
		assertThat(tagged).containsExactlyEntriesOf(expected);
	}

}
