package dev.dmbot.server.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How the queue filters and what each entry says about its SLA and idle timeout. */
class EscalationQueueTest {

	static final Instant OPENED = Instant.parse("2026-05-10T09:00:00Z");

	@Test
	void openMeansStillPausingWhetherClaimedOrNot() {
		EscalationFilter open = new EscalationFilter(null, null, null, 100);

		assertThat(open.openOnly()).isTrue();
		assertThat(open.matches(escalation(Escalation.OPEN, "care", "high"))).isTrue();
		assertThat(open.matches(escalation(Escalation.CLAIMED, "care", "high"))).isTrue();
		assertThat(open.matches(escalation(Escalation.RESOLVED, "care", "high"))).isFalse();
		assertThat(new EscalationFilter(null, null, "unclaimed", 100)
			.matches(escalation(Escalation.CLAIMED, "care", "high"))).isFalse();
		EscalationFilter closed = new EscalationFilter(null, null, "closed", 100);
		assertThat(closed.openOnly()).isFalse();
		assertThat(closed.matches(escalation(Escalation.TIMED_OUT, "care", "high"))).isTrue();
		assertThat(closed.matches(escalation(Escalation.OPEN, "care", "high"))).isFalse();
	}

	@Test
	void teamAndPriorityNarrowTheQueueInAnyLetterCase() {
		EscalationFilter filter = new EscalationFilter(" Care ", "URGENT", "open", 10);

		assertThat(filter.matches(escalation(Escalation.OPEN, "care", "urgent"))).isTrue();
		assertThat(filter.matches(escalation(Escalation.OPEN, "sales", "urgent"))).isFalse();
		assertThat(filter.matches(escalation(Escalation.OPEN, "care", "high"))).isFalse();
	}

	@Test
	void unknownStatusesPrioritiesAndLimitsAreRefusedNamingWhatIsAllowed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EscalationFilter(null, null, "pending", 10))
			.withMessage("status must be one of open, unclaimed, claimed, resolved, handed_back, timed_out, closed, "
					+ "all, but was 'pending'");
		assertThatIllegalArgumentException().isThrownBy(() -> new EscalationFilter(null, "asap", null, 10))
			.withMessage("priority must be one of urgent, high, normal, low, but was 'asap'");
		assertThatIllegalArgumentException().isThrownBy(() -> new EscalationFilter(null, null, null, 0))
			.withMessage("limit must be between 1 and 1000, but was 0");
	}

	@Test
	void anEntrySaysWhenItsSlaIsBreachedAndWhenAutomationResumes() {
		StoredEscalation stored = new StoredEscalation(escalation(Escalation.OPEN, "care", "high"), null, null, null,
				null, true, false);

		EscalationSummary early = EscalationSummary.of(stored, "hi", OPENED.plus(Duration.ofHours(3)));
		EscalationSummary late = EscalationSummary.of(stored, "hi", OPENED.plus(Duration.ofHours(5)));

		assertThat(early.age()).isEqualTo(3 * 3600);
		assertThat(early.slaBreached()).isFalse();
		assertThat(late.slaBreached()).isTrue();
		assertThat(late.slaDueAt()).isEqualTo(OPENED.plus(Duration.ofHours(4)));
		assertThat(late.idleUntil()).isEqualTo(OPENED.plus(Duration.ofHours(48)));
	}

	@Test
	void aReplyAfterSevenDaysIsRefusedWithTheAgeOfTheLastMessage() {
		assertThat(EscalationService.windowClosed(OPENED.minus(Duration.ofDays(8)), OPENED))
			.startsWith("The customer's last message is 8 days old.")
			.contains("up to 7 days")
			.contains("HUMAN_AGENT");
		assertThat(EscalationService.windowClosed(null, OPENED)).contains("never written");
	}

	static Escalation escalation(String status, String team, String priority) {
		return new Escalation("01ABC", "1784", "9001", "refund", team, priority, status, null, OPENED, null, null,
				OPENED, null, Duration.ofHours(48), Duration.ofHours(4), null, Map.of(), Set.of());
	}

}
