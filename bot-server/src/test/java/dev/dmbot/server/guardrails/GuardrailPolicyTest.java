package dev.dmbot.server.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.guardrails.GuardrailPolicy;

/**
 * What opts a person out or in, in English, Portuguese and Spanish, and when quiet hours
 * let a follow-up go out.
 */
class GuardrailPolicyTest {

	private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	private static final GuardrailPolicy POLICY = new GuardrailPolicy(true,
			List.of("stop", "unsubscribe", "no more messages", "pare", "parar", "basta", "cancelar subscricao",
					"no mas mensajes", "darse de baja"),
			"Done.", List.of("start", "voltar", "volver"), "Welcome back.", 3,
			new GuardrailPolicy.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), LISBON, null);

	@Test
	void aWholeMessageOptsOutWhateverItsCaseAccentsAndPunctuation() {
		assertThat(POLICY.optsOut("STOP", "unknown")).isTrue();
		assertThat(POLICY.optsOut("Stop!!!", "unknown")).isTrue();
		assertThat(POLICY.optsOut("unsubscribe", "unknown")).isTrue();
		assertThat(POLICY.optsOut("No more messages.", "unknown")).isTrue();
	}

	@Test
	void portugueseAndSpanishOptOut() {
		assertThat(POLICY.optsOut("Pare", "unknown")).isTrue();
		assertThat(POLICY.optsOut("parar por favor", "unknown")).isTrue();
		assertThat(POLICY.optsOut("Cancelar subscrição", "unknown")).isTrue();
		assertThat(POLICY.optsOut("basta!", "unknown")).isTrue();
		assertThat(POLICY.optsOut("No más mensajes", "unknown")).isTrue();
		assertThat(POLICY.optsOut("quiero darse de baja", "unknown")).isTrue();
	}

	@Test
	void aShortPhraseAroundTheWordOptsOut() {
		assertThat(POLICY.optsOut("please stop", "unknown")).isTrue();
		assertThat(POLICY.optsOut("stop it now", "unknown")).isTrue();
	}

	@Test
	void aSentenceThatMerelyContainsTheWordDoesNot() {
		assertThat(POLICY.optsOut("can you stop by the shop tomorrow?", "unknown")).isFalse();
		assertThat(POLICY.optsOut("the bus stop near your shop", "unknown")).isFalse();
		assertThat(POLICY.optsOut("stopper for a bottle", "unknown")).isFalse();
		assertThat(POLICY.optsOut("don't stop", "unknown")).isFalse();
		assertThat(POLICY.optsOut("não pare", "unknown")).isFalse();
		assertThat(POLICY.optsOut(null, "unknown")).isFalse();
	}

	@Test
	void theOptOutIntentOptsOutToo() {
		assertThat(POLICY.optsOut("please don't message me again", "opt_out")).isTrue();
		assertThat(GuardrailPolicy.NONE.optsOut("please don't message me again", "opt_out")).isFalse();
	}

	@Test
	void optInWordsInEachLanguage() {
		assertThat(POLICY.optsIn("START")).isTrue();
		assertThat(POLICY.optsIn("quero voltar")).isTrue();
		assertThat(POLICY.optsIn("Volver")).isTrue();
		assertThat(POLICY.optsIn("when does the sale start this year?")).isFalse();
		assertThat(POLICY.optsIn("stop")).isFalse();
	}

	@Test
	void outsideQuietHoursAFollowUpGoesAtOnce() {
		Instant afternoon = Instant.parse("2025-01-15T15:00:00Z");
		assertThat(POLICY.nextAllowed(afternoon)).isEqualTo(afternoon);
		// 08:00 is the first minute allowed again; 21:59 the last before.
		assertThat(POLICY.nextAllowed(Instant.parse("2025-01-15T08:00:00Z")))
			.isEqualTo(Instant.parse("2025-01-15T08:00:00Z"));
		assertThat(POLICY.nextAllowed(Instant.parse("2025-01-15T21:59:59Z")))
			.isEqualTo(Instant.parse("2025-01-15T21:59:59Z"));
	}

	@Test
	void inTheEveningAFollowUpWaitsForTomorrowMorning() {
		assertThat(POLICY.nextAllowed(Instant.parse("2025-01-15T22:00:00Z")))
			.isEqualTo(Instant.parse("2025-01-16T08:00:00Z"));
		assertThat(POLICY.nextAllowed(Instant.parse("2025-01-15T23:30:00Z")))
			.isEqualTo(Instant.parse("2025-01-16T08:00:00Z"));
	}

	@Test
	void afterMidnightAFollowUpWaitsForThisMorning() {
		assertThat(POLICY.nextAllowed(Instant.parse("2025-01-16T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-01-16T08:00:00Z"));
		assertThat(POLICY.nextAllowed(Instant.parse("2025-01-16T07:59:59Z")))
			.isEqualTo(Instant.parse("2025-01-16T08:00:00Z"));
	}

	@Test
	void quietHoursFollowTheAccountsSummerTime() {
		// Lisbon is UTC+1 in July: 22:00 local is 21:00 UTC, 08:00 local is 07:00 UTC.
		assertThat(POLICY.nextAllowed(Instant.parse("2025-07-15T21:00:00Z")))
			.isEqualTo(Instant.parse("2025-07-16T07:00:00Z"));
		assertThat(POLICY.nextAllowed(Instant.parse("2025-07-15T20:59:00Z")))
			.isEqualTo(Instant.parse("2025-07-15T20:59:00Z"));
		// The clocks go forward at 01:00 UTC on 30 March 2025: the night is an hour
		// shorter, and the quiet hours still end at 08:00 on the wall clock.
		assertThat(POLICY.nextAllowed(Instant.parse("2025-03-29T23:00:00Z")))
			.isEqualTo(Instant.parse("2025-03-30T07:00:00Z"));
	}

	@Test
	void daytimeQuietHoursDoNotWrap() {
		GuardrailPolicy.QuietHours lunch = GuardrailPolicy.QuietHours.parse("13:00 – 14:30");
		assertThat(lunch.contains(LocalTime.of(12, 59))).isFalse();
		assertThat(lunch.contains(LocalTime.of(13, 0))).isTrue();
		assertThat(lunch.contains(LocalTime.of(14, 30))).isFalse();
		assertThat(lunch.nextAllowed(Instant.parse("2025-01-15T13:10:00Z"), ZoneId.of("UTC")))
			.isEqualTo(Instant.parse("2025-01-15T14:30:00Z"));
	}

	@Test
	void withoutQuietHoursEverythingGoesAtOnce() {
		Instant night = Instant.parse("2025-01-15T03:00:00Z");
		assertThat(GuardrailPolicy.NONE.nextAllowed(night)).isEqualTo(night);
	}

	@Test
	void theDayOfTheCapIsTheAccountsDay() {
		// 23:30 UTC on 14 July is 00:30 on 15 July in Lisbon.
		assertThat(POLICY.day(Instant.parse("2025-07-14T23:30:00Z"))).hasToString("2025-07-15");
	}

}
