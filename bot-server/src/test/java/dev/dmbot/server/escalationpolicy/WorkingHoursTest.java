package dev.dmbot.server.escalationpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.escalationpolicy.WorkingHours;

/**
 * Working hours as the Escalations sheet writes them: what they read as, when the team is
 * in, and how {@code {{opens}}} tells the customer when it is back.
 */
class WorkingHoursTest {

	private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	private static final WorkingHours WEEK = WorkingHours.parse("Mon-Fri 09:00-18:00; Sat 10:00-14:00", LISBON);

	// 2025-01-13 is a Monday; Lisbon is on UTC in winter.
	private static Instant lisbon(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(LISBON).toInstant();
	}

	@Test
	void readsDayRangesSingleDaysAndSeveralParts() {
		assertThat(WEEK.openings()).hasSize(6);
		assertThat(WEEK.openings().get(0))
			.isEqualTo(new WorkingHours.Opening(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)));
		assertThat(WEEK.openings().get(5))
			.isEqualTo(new WorkingHours.Opening(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
		assertThat(WEEK.zone()).isEqualTo(LISBON);
		assertThat(WorkingHours.parse("Mon-Sat 10:00-19:00", LISBON).openings()).hasSize(6)
			.allMatch((opening) -> opening.opens().equals(LocalTime.of(10, 0)));
		assertThat(WorkingHours.parse("monday, Wed to fri 9-18", LISBON).openings())
			.extracting(WorkingHours.Opening::day)
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		assertThat(WorkingHours.parse("Sat-Mon 10:00–14:00", LISBON).openings()).extracting(WorkingHours.Opening::day)
			.containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
	}

	@Test
	void opensAtTheFirstMinuteAndClosesAtTheLast() {
		assertThat(WEEK.isOpen(lisbon("2025-01-13T08:59:59"))).isFalse();
		assertThat(WEEK.isOpen(lisbon("2025-01-13T09:00:00"))).isTrue();
		assertThat(WEEK.isOpen(lisbon("2025-01-13T17:59:59"))).isTrue();
		assertThat(WEEK.isOpen(lisbon("2025-01-13T18:00:00"))).isFalse();
		assertThat(WEEK.isOpen(lisbon("2025-01-18T10:00:00"))).isTrue();
		assertThat(WEEK.isOpen(lisbon("2025-01-18T14:00:00"))).isFalse();
		assertThat(WEEK.isOpen(lisbon("2025-01-19T12:00:00"))).as("Sunday").isFalse();
	}

	@Test
	void aBreakInTheDayIsClosed() {
		WorkingHours lunch = WorkingHours.parse("Mon-Fri 09:00-13:00, 14:00-18:00", LISBON);

		assertThat(lunch.isOpen(lisbon("2025-01-14T12:59:00"))).isTrue();
		assertThat(lunch.isOpen(lisbon("2025-01-14T13:30:00"))).isFalse();
		assertThat(lunch.opensText(lisbon("2025-01-14T13:30:00"))).isEqualTo("today at 14:00");
	}

	@Test
	void hoursThatEndBeforeTheyStartRunPastMidnight() {
		WorkingHours late = WorkingHours.parse("Fri 20:00-02:00", LISBON);

		assertThat(late.isOpen(lisbon("2025-01-17T19:59:00"))).isFalse();
		assertThat(late.isOpen(lisbon("2025-01-17T23:59:00"))).isTrue();
		assertThat(late.isOpen(lisbon("2025-01-18T01:59:00"))).as("Saturday night").isTrue();
		assertThat(late.isOpen(lisbon("2025-01-18T02:00:00"))).isFalse();
		assertThat(late.isOpen(lisbon("2025-01-11T01:00:00"))).as("the Saturday before").isTrue();
	}

	@Test
	void sundayNightRunsIntoMondayAcrossTheWeek() {
		WorkingHours night = WorkingHours.parse("Sun 22:00-24:00; Mon 00:00-02:00", LISBON);
		WorkingHours overnight = WorkingHours.parse("Sun 22:00-02:00", LISBON);

		for (WorkingHours hours : new WorkingHours[] { night, overnight }) {
			assertThat(hours.isOpen(lisbon("2025-01-19T23:30:00"))).isTrue();
			assertThat(hours.isOpen(lisbon("2025-01-20T00:00:00"))).isTrue();
			assertThat(hours.isOpen(lisbon("2025-01-20T01:59:59"))).isTrue();
			assertThat(hours.isOpen(lisbon("2025-01-20T02:00:00"))).isFalse();
		}
		assertThat(WorkingHours.parse("Mon-Sun 00:00-24:00", LISBON).isOpen(lisbon("2025-01-19T23:59:59"))).isTrue();
	}

	@Test
	void opensTextSaysTodayTomorrowOrTheDay() {
		assertThat(WEEK.opensText(lisbon("2025-01-13T07:30:00"))).isEqualTo("today at 09:00");
		assertThat(WEEK.opensText(lisbon("2025-01-13T18:00:00"))).isEqualTo("tomorrow at 09:00");
		assertThat(WEEK.opensText(lisbon("2025-01-13T23:59:00"))).isEqualTo("tomorrow at 09:00");
		assertThat(WEEK.opensText(lisbon("2025-01-14T00:01:00"))).as("just after midnight").isEqualTo("today at 09:00");
		assertThat(WEEK.opensText(lisbon("2025-01-17T19:00:00"))).as("Friday evening").isEqualTo("tomorrow at 10:00");
		assertThat(WEEK.opensText(lisbon("2025-01-18T14:00:00"))).as("Saturday afternoon").isEqualTo("Monday at 09:00");
		assertThat(WEEK.opensText(lisbon("2025-01-19T10:00:00"))).as("Sunday").isEqualTo("tomorrow at 09:00");
		assertThat(WEEK.opensText(lisbon("2025-01-13T10:00:00"))).as("open").isEqualTo("now");
		assertThat(WorkingHours.parse("Mon 09:00-10:00", LISBON).opensText(lisbon("2025-01-13T11:00:00")))
			.isEqualTo("next Monday at 09:00");
		assertThat(WorkingHours.parse("Wed 15:00-16:00", LISBON).opensText(lisbon("2025-01-13T11:00:00")))
			.isEqualTo("Wednesday at 15:00");
	}

	@Test
	void alwaysOpenWithoutHours() {
		WorkingHours always = WorkingHours.parse("  ", LISBON);

		assertThat(always.isAlwaysOpen()).isTrue();
		assertThat(always.isOpen(lisbon("2025-01-19T03:00:00"))).isTrue();
		assertThat(always.opensText(lisbon("2025-01-19T03:00:00"))).isEmpty();
		assertThat(always.nextOpening(lisbon("2025-01-19T03:00:00"))).isEmpty();
	}

	@Test
	void hoursAreWallClockTimesInTheZoneAcrossDaylightSaving() {
		WorkingHours shop = WorkingHours.parse("Mon-Sat 10:00-19:00", LISBON);

		// Clocks go forward on Sunday 30 March 2025: Monday 10:00 is 09:00 UTC, not
		// 10:00.
		assertThat(shop.isOpen(Instant.parse("2025-03-29T10:00:00Z"))).isTrue();
		assertThat(shop.isOpen(Instant.parse("2025-03-31T08:59:00Z"))).isFalse();
		assertThat(shop.isOpen(Instant.parse("2025-03-31T09:00:00Z"))).isTrue();
		assertThat(shop.isOpen(Instant.parse("2025-03-31T17:59:00Z"))).isTrue();
		assertThat(shop.isOpen(Instant.parse("2025-03-31T18:00:00Z"))).isFalse();
		assertThat(shop.nextOpening(Instant.parse("2025-03-29T19:30:00Z")).map(ZonedDateTime::toInstant))
			.contains(Instant.parse("2025-03-31T09:00:00Z"));
		assertThat(shop.opensText(Instant.parse("2025-03-29T19:30:00Z"))).isEqualTo("Monday at 10:00");
		// And back on Sunday 26 October 2025: Saturday 19:00 is 18:00 UTC, Monday 10:00
		// is
		// 10:00 UTC.
		assertThat(shop.isOpen(Instant.parse("2025-10-25T18:00:00Z"))).isFalse();
		assertThat(shop.nextOpening(Instant.parse("2025-10-25T18:00:00Z")).map(ZonedDateTime::toInstant))
			.contains(Instant.parse("2025-10-27T10:00:00Z"));
	}

	@Test
	void theSameHoursInAnotherZoneAreAnotherMoment() {
		WorkingHours azores = WorkingHours.parse("Mon-Sat 10:00-19:00", ZoneId.of("Atlantic/Azores"));

		// 10:30 in Lisbon is 09:30 in the Azores, one hour behind.
		assertThat(azores.isOpen(lisbon("2025-01-13T10:30:00"))).isFalse();
		assertThat(azores.opensText(lisbon("2025-01-13T10:30:00"))).isEqualTo("today at 10:00");
		assertThat(azores.isOpen(lisbon("2025-01-13T11:00:00"))).isTrue();
	}

	@Test
	void aMistypedDayIsNamedWithASuggestion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkingHours.parse("Mon-Fry 09:00-18:00; Sat 10:00-14:00", LISBON))
			.withMessage("in \"Mon-Fry 09:00-18:00\", \"Fry\" is not a day — did you mean \"Fri\"?");
	}

	@Test
	void eachWrongPartIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkingHours.parse("Mon-Fri 09:00-18:00; 10:00-14:00", LISBON))
			.withMessage("the part \"10:00-14:00\" does not start with a day and then hours (it has no day).");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("Mon-Fri 09:00-25:00", LISBON))
			.withMessageStartingWith("in \"Mon-Fri 09:00-25:00\", \"25:00\" is not a time of day");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("Mon-Fri 9am-6pm", LISBON))
			.withMessage("in \"Mon-Fri 9am-6pm\", \"9am\" is not a time of day written as HH:MM, e.g. 09:30.");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("Sat 10:00", LISBON))
			.withMessage("in \"Sat 10:00\", \"10:00\" is not a range of hours such as 09:00-18:00.");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("Sat 10:00-10:00", LISBON))
			.withMessage("in \"Sat 10:00-10:00\", the hours 10:00-10:00 start and end at the same time.");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("Sun closed", LISBON))
			.withMessage("the part \"Sun closed\" does not start with a day and then hours.");
	}

}
