package dev.dmbot.server.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.faults.Mutations;
import dev.dmbot.server.intake.InboundEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of bad bodies (random bytes, broken, spliced, huge and deeply nested versions
 * of real deliveries): the parser either reads events or refuses the body with
 * {@link MalformedPayloadException}, which the webhook answers 400. Nothing else may
 * escape it, or Meta would see a 500 and the body would never be accepted. The seed is in
 * the assertion message, to replay a failure.
 */
class WebhookPayloadParserFuzzTest {

	private static final long SEED = 20261124L;

	private final WebhookPayloadParser parser = new WebhookPayloadParser(JsonMapper.builder().build());

	@Test
	void everyBadBodyIsReadOrRefusedAsMalformedNeverAnythingElse() {
		Mutations mutations = new Mutations(SEED);
		int refused = 0;
		int read = 0;
		for (int i = 0; i < 4000; i++) {
			byte[] body = mutations.next();
			try {
				List<InboundEvent> events = this.parser.parse(body, 1L);
				read++;
				for (InboundEvent event : events) {
					assertThat(event.kind()).as("case %d of seed %d", i, SEED).isNotNull();
					assertThat(event.dedupKey()).as("case %d of seed %d", i, SEED).isNotBlank();
				}
			}
			catch (MalformedPayloadException ex) {
				refused++;
				assertThat(ex.getMessage()).as("case %d of seed %d", i, SEED).isNotBlank();
			}
			catch (RuntimeException ex) {
				throw new AssertionError("case " + i + " of seed " + SEED + " escaped the parser: " + ex, ex);
			}
		}
		// Both sides are exercised: the mutations are neither all fatal nor all harmless.
		assertThat(refused).isGreaterThan(500);
		assertThat(read).isGreaterThan(500);
	}

}
