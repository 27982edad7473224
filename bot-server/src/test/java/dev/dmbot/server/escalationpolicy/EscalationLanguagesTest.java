package dev.dmbot.server.escalationpolicy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.escalationpolicy.EscalationRoute;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the Escalations sheet tells a customer in their language: the Tell the customer
 * (pt) columns and the like, with {@code {{opens}}} in the same language, and the
 * mistakes a load rejects.
 */
class EscalationLanguagesTest {

	// 2025-01-13 is a Monday; Lisbon is on UTC in winter. The shop opens Mon-Fri at
	// 09:00.
	private static final Instant MONDAY_10 = Instant.parse("2025-01-13T10:00:00Z");

	private static final Instant MONDAY_20 = Instant.parse("2025-01-13T20:00:00Z");

	private static final Instant FRIDAY_20 = Instant.parse("2025-01-17T20:00:00Z");

	private static final Instant SATURDAY_15 = Instant.parse("2025-01-18T15:00:00Z");

	/** The shop's sheet with the vip row told in Portuguese (columns O and P). */
	private static String[][] rows(String ptTitle, String ptInHours, String ptOutOfHours) {
		String[][] rows = EscalationWorkbooks.rows();
		rows[3] = append(rows[3], 14, ptTitle, "Tell the customer out of hours (pt)");
		rows[4] = append(rows[4], 14, ptInHours, ptOutOfHours);
		return rows;
	}

	private static String[] append(String[] row, int at, String... cells) {
		String[] longer = Arrays.copyOf(row, Math.max(row.length, at + cells.length));
		for (int i = 0; i < cells.length; i++) {
			longer[at + i] = cells[i];
		}
		return longer;
	}

	private static EscalationRoute vip(String[][] rows) {
		return EscalationPolicy
			.of(ShippedSheets.compile(List.of(FlowWorkbooks.designShop().escalationRows(rows).build()),
					TestWorkbooks.CLOCK.instant()))
			.routes()
			.get(0);
	}

	private static WorkbookCompileException rejected(String[][] rows) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> vip(rows));
		assertThat(error).as("compile error").isNotNull();
		return error;
	}

	@Test
	void aCustomerIsToldInTheirLanguageWithTheOpeningTimeInItToo() {
		String[][] rows = rows("Tell the customer (pt)", "Uma pessoa responde-lhe já 🙋",
				"A equipa volta {{opens}} 🙋");
		EscalationRoute vip = vip(rows);
		WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-18:00; Sat 10:00-14:00",
				java.time.ZoneId.of("Europe/Lisbon"));

		assertThat(vip.customerMessage(hours, MONDAY_10, "pt")).isEqualTo("Uma pessoa responde-lhe já 🙋");
		assertThat(vip.customerMessage(hours, MONDAY_20, "pt")).isEqualTo("A equipa volta amanhã às 09:00 🙋");
		assertThat(vip.customerMessage(hours, FRIDAY_20, "pt")).isEqualTo("A equipa volta amanhã às 10:00 🙋");
		assertThat(vip.customerMessage(hours, SATURDAY_15, "pt"))
			.isEqualTo("A equipa volta na segunda-feira às 09:00 🙋");
		assertThat(vip.customerMessage(hours, MONDAY_20, "es")).isEqualTo(vip.customerMessage(hours, MONDAY_20))
			.contains("tomorrow at 09:00");
	}

	@Test
	void theOpeningTimeReadsInPortugueseAndSpanish() {
		WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-18:00", java.time.ZoneId.of("Europe/Lisbon"));

		assertThat(hours.opensText(MONDAY_20, "pt")).isEqualTo("amanhã às 09:00");
		assertThat(hours.opensText(MONDAY_20, "es")).isEqualTo("mañana a las 09:00");
		assertThat(hours.opensText(FRIDAY_20, "pt")).isEqualTo("na segunda-feira às 09:00");
		assertThat(hours.opensText(FRIDAY_20, "es")).isEqualTo("el lunes a las 09:00");
		assertThat(hours.opensText(FRIDAY_20, "en")).isEqualTo("Monday at 09:00");
		assertThat(hours.opensText(MONDAY_10, "pt")).isEqualTo("agora");
	}

	@Test
	void aTitleInAnotherLanguageNamesAKnownLanguage() {
		WorkbookCompileException error = rejected(rows("Tell the customer (portugues)", "Olá", "Olá"));

		assertThat(error).hasMessageContaining("sheet Escalations, row 4, column O")
			.hasMessageContaining("\"portugues\" is not a two-letter language code");
	}

	@Test
	void aTranslatedTextIsCheckedLikeTheOriginal() {
		WorkbookCompileException error = rejected(rows("Tell the customer (pt)", "Olá {{frist_name}}", ""));

		assertThat(error).hasMessageContaining("sheet Escalations, row 5, column O")
			.hasMessageContaining("unknown variable {{frist_name}}");
	}

	@Test
	void aTranslationNeedsTheOriginalText() {
		String[][] rows = EscalationWorkbooks.rows();
		rows[3] = append(rows[3], 14, "Tell the customer (pt)");
		// asked_for_human tells the customer nothing of its own: the Replies row's words
		// stand.
		rows[7] = append(rows[7], 14, "Claro!");

		assertThat(rejected(rows)).hasMessageContaining("sheet Escalations, row 8, column O")
			.hasMessageContaining("has a text in pt but none in Tell the customer");
	}

}
