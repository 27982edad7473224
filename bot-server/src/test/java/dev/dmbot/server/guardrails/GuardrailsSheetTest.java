package dev.dmbot.server.guardrails;

import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.dmbot.server.escalationpolicy.WorkingHours;
import dev.dmbot.server.guardrails.GuardrailPolicy;
import dev.dmbot.server.workbook.FlowWorkbooks;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.ShippedSheets;

/**
 * The Guardrails sheet as analysts write it: what the shipped sheet reads as, the same
 * from the copy LibreOffice saved, and each mistake located to its cell with what is
 * wrong and how to fix it.
 */
class GuardrailsSheetTest {

	private static final String SEE = "rules/README.md";

	/** A small shop's Guardrails sheet, settings from row 2. */
	static String[][] rows() {
		return new String[][] { row("Guardrails: what the bot never does."), row(),
				row("Opt-out words", "stop, unsubscribe, pare, basta, no more messages", "a note for people"),
				row("Opt-out reply", "Done, {{first_name|there}}. No more messages."),
				row("Opt-in words", "start, voltar"), row("Opt-in reply", "Welcome back!"),
				row("Daily message cap", "5"), row("Quiet hours", "22:00-08:00"), row("Time zone", "Europe/Lisbon"),
				row("Disclosure", "You're chatting with our assistant") };
	}

	static String[] row(String... cells) {
		return cells;
	}

	private static GuardrailPolicy compile(String[][] rows) {
		return GuardrailPolicy.of(ShippedSheets.compile(List.of(FlowWorkbooks.designShop().guardrailRows(rows).build()),
				TestWorkbooks.CLOCK.instant()));
	}

	/** The small shop with one cell of its Guardrails sheet changed, e.g. B7. */
	private static WorkbookCompileException errorWithCell(String cell, String value) {
		String[][] rows = rows();
		org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(cell);
		String[] row = java.util.Arrays.copyOf(rows[ref.getRow()],
				Math.max(rows[ref.getRow()].length, ref.getCol() + 1));
		row[ref.getCol()] = value;
		rows[ref.getRow()] = row;
		return error(rows);
	}

	private static WorkbookCompileException error(String[][] rows) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class, () -> compile(rows));
		assertThat(error).as("compile error").isNotNull();
		assertThat(error.sheet()).isEqualTo("Guardrails");
		return error;
	}

	@Test
	void theTextsMayBeGivenInOtherLanguages() {
		String[][] rows = java.util.Arrays.copyOf(rows(), rows().length + 3);
		rows[rows.length - 3] = row("Opt-out reply (pt)", "Feito. Não lhe enviamos mais mensagens.");
		rows[rows.length - 2] = row("Opt-in reply (ES)", "¡Bienvenido de nuevo!");
		rows[rows.length - 1] = row("Disclosure (pt)", "Está a falar com o nosso assistente");

		GuardrailPolicy policy = compile(rows);

		assertThat(policy.optOutReply("pt")).contains("Feito. Não lhe enviamos mais mensagens.");
		assertThat(policy.optOutReply("es")).contains("Done, {{first_name|there}}. No more messages.");
		assertThat(policy.optInReply("es")).contains("¡Bienvenido de nuevo!");
		assertThat(policy.optInReply("pt")).contains("Welcome back!");
		assertThat(policy.disclosure("pt")).contains("Está a falar com o nosso assistente");
		assertThat(policy.disclosure("en")).contains("You're chatting with our assistant");
	}

	@Test
	void aTextInAnotherLanguageNamesAKnownLanguageAndIsCheckedLikeTheOriginal() {
		String[][] language = java.util.Arrays.copyOf(rows(), rows().length + 1);
		language[language.length - 1] = row("Opt-out reply (portuguese)", "Feito.");
		String[][] variable = java.util.Arrays.copyOf(rows(), rows().length + 1);
		variable[variable.length - 1] = row("Opt-out reply (pt)", "Feito, {{frist_name}}.");

		assertThat(error(language)).hasMessageContaining("row 11, column A")
			.hasMessageContaining("\"portuguese\" is not a two-letter language code");
		assertThat(error(variable)).hasMessageContaining("row 11, column B")
			.hasMessageContaining("unknown variable {{frist_name}}");
	}

	@Test
	void readsEverySetting() {
		GuardrailPolicy policy = compile(rows());

		assertThat(policy.optsOut("STOP", "unknown")).isTrue();
		assertThat(policy.optOutReply()).contains("Done, {{first_name|there}}. No more messages.");
		assertThat(policy.optsIn("voltar")).isTrue();
		assertThat(policy.optInReply()).contains("Welcome back!");
		assertThat(policy.dailyCap()).hasValue(5);
		assertThat(policy.quietHours())
			.contains(new GuardrailPolicy.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)));
		assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
		assertThat(policy.disclosure()).contains("You're chatting with our assistant");
	}

	@Test
	void optionalSettingsMayBeLeftOut() {
		GuardrailPolicy policy = compile(new String[][] { row("Opt-out words", "stop"), row("Opt-out reply", "Done."),
				row("Opt-in words", "start"), row("Opt-in reply", "Hi again."), row("Daily message cap", ""),
				row("Disclosure", "") });

		assertThat(policy.dailyCap()).isEmpty();
		assertThat(policy.quietHours()).isEmpty();
		assertThat(policy.disclosure()).isEmpty();
		assertThat(policy.zone()).isEqualTo(WorkingHours.DEFAULT_ZONE);
	}

	@Test
	void withoutTheSheetNothingIsGuarded() {
		GuardrailPolicy policy = GuardrailPolicy
			.of(ShippedSheets.compile(List.of(FlowWorkbooks.designShop().build()), TestWorkbooks.CLOCK.instant()));

		assertThat(policy).isEqualTo(GuardrailPolicy.NONE);
		assertThat(policy.optsOut("stop", "opt_out")).isFalse();
		assertThat(policy.dailyCap()).isEmpty();
	}

	@Test
	void theShippedSheetAndItsLibreOfficeCopyReadAlike() throws IOException {
		GuardrailPolicy shipped = GuardrailPolicy
			.of(ShippedSheets.compile(List.of(TestWorkbooks.shipped()), TestWorkbooks.CLOCK.instant()));
		byte[] copy;
		try (InputStream in = GuardrailsSheetTest.class.getResourceAsStream("/workbooks/lumen-oak-libreoffice.xlsx")) {
			copy = in.readAllBytes();
		}
		GuardrailPolicy libreOffice = GuardrailPolicy
			.of(ShippedSheets.compile(List.of(new Workbook("lumen-oak.xlsx", copy)), TestWorkbooks.CLOCK.instant()));

		assertThat(shipped.optsOut("stop", "unknown")).isTrue();
		assertThat(shipped.optsOut("Cancelar subscrição", "unknown")).isTrue();
		assertThat(shipped.optsOut("no más mensajes por favor", "unknown")).isTrue();
		assertThat(shipped.optsIn("voltar")).isTrue();
		assertThat(shipped.optOutReply().orElseThrow()).contains("We won't send you any more messages");
		assertThat(shipped.dailyCap()).hasValue(30);
		assertThat(shipped.quietHours()).map(Object::toString).contains("21:00-09:00");
		assertThat(shipped.disclosure()).isEmpty();
		assertThat(libreOffice).isEqualTo(shipped);
	}

	@Test
	void anUnknownSettingIsNamedWithTheClosestOne() {
		WorkbookCompileException error = errorWithCell("A7", "Daily mesage cap");

		assertThat(error.row()).isEqualTo(7);
		assertThat(error.column()).isEqualTo("A");
		assertThat(error.problem()).contains("unknown setting \"Daily mesage cap\"").contains("Daily message cap");
	}

	@Test
	void aCapMustBeAWholeNumber() {
		WorkbookCompileException error = errorWithCell("B7", "five");

		assertThat(error.row()).isEqualTo(7);
		assertThat(error.column()).isEqualTo("B");
		assertThat(error.value()).isEqualTo("five");
		assertThat(error.fix()).contains("e.g. 30");
		assertThat(errorWithCell("B7", "0").problem()).contains("from 1 to 10000");
	}

	@Test
	void quietHoursMustBeTwoTimes() {
		WorkbookCompileException error = errorWithCell("B8", "22h till 8");

		assertThat(error.row()).isEqualTo(8);
		assertThat(error.column()).isEqualTo("B");
		assertThat(error.fix()).contains("22:00-08:00");
		assertThat(errorWithCell("B8", "25:00-08:00").problem()).contains("\"25:00\"");
		assertThat(errorWithCell("B8", "08:00-08:00").problem()).contains("same time");
	}

	@Test
	void anUnknownTimeZoneIsNamed() {
		WorkbookCompileException error = errorWithCell("B9", "Europe/Lisboa");

		assertThat(error.row()).isEqualTo(9);
		assertThat(error.problem()).contains("Europe/Lisbon");
	}

	@Test
	void theOptOutWordsAndRepliesAreRequired() {
		WorkbookCompileException error = errorWithCell("B3", "");

		assertThat(error.row()).isEqualTo(3);
		assertThat(error.column()).isEqualTo("B");
		assertThat(error.problem()).contains("no Opt-out words");
		assertThat(error.fix()).contains(SEE);
		assertThat(errorWithCell("B6", "").problem()).contains("no Opt-in reply");
	}

	@Test
	void aWordMayNotBothOptOutAndIn() {
		WorkbookCompileException error = errorWithCell("B5", "start, Basta");

		assertThat(error.row()).isEqualTo(5);
		assertThat(error.problem()).contains("\"Basta\" is also an opt-out word (row 3)");
	}

	@Test
	void aPhraseIsShortAndHasLetters() {
		assertThat(errorWithCell("B3", "stop, ???").problem()).contains("\"???\" has no letters or digits");
		assertThat(errorWithCell("B3", "please do not ever send me anything").problem()).contains("more than 5 words");
	}

	@Test
	void aReplyIsCheckedLikeAnyReply() {
		WorkbookCompileException error = errorWithCell("B4", "Bye {{frist_name}}");

		assertThat(error.row()).isEqualTo(4);
		assertThat(error.column()).isEqualTo("B");
		assertThat(error.problem()).contains("frist_name");
	}

	@Test
	void theDisclosureIsShortPlainText() {
		assertThat(errorWithCell("B10", "Hi {{first_name}}, I'm a bot").problem()).contains("{{variable}}");
		assertThat(errorWithCell("B10", "x".repeat(201)).problem()).contains("at most 200");
	}

	@Test
	void aSettingIsSetOnce() {
		String[][] rows = rows();
		rows[1] = row("Daily message cap", "9");

		WorkbookCompileException error = error(rows);

		assertThat(error.row()).isEqualTo(7);
		assertThat(error.problem()).contains("set twice; the first is in row 2");
	}

	@Test
	void aValueNeedsASettingName() {
		String[][] rows = rows();
		rows[1] = row("", "stop");

		WorkbookCompileException error = error(rows);

		assertThat(error.row()).isEqualTo(2);
		assertThat(error.column()).isEqualTo("B");
	}

	@Test
	void twoWorkbooksMayNotBothHaveGuardrails() {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class,
				() -> ShippedSheets.compile(List.of(FlowWorkbooks.designShop().guardrailRows(rows()).build(),
						workbook("second.xlsx").ruleSet("dev.dmbot.rules.second").guardrailRows(rows()).build()),
						TestWorkbooks.CLOCK.instant()));

		assertThat(error).isNotNull();
		assertThat(error.problem()).contains("have a Guardrails sheet");
	}

}
