package dev.dmbot.server.workbook;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.platform.events.EventKind;

import static dev.dmbot.server.workbook.TestsSheets.row;
import static dev.dmbot.server.workbook.TestsSheets.withTests;
import static dev.dmbot.server.workbook.WorkbookBuilder.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Event type cells of the decision tables and the Event column of the Tests sheet
 * accept exactly the names {@link EventKind} gives them, and list them as they always
 * have.
 */
class EventTypeNamesTest {

	@Test
	void anEventTypeCellAcceptsExactlyTheWorkbooksNames() {
		WorkbookBuilder accepted = workbook("shop.xlsx");
		for (String name : EventKind.workbookNames()) {
			accepted.rule("A", name, "G", "Hi");
		}
		assertThat(ShippedSheets.compile(List.of(accepted.build()), TestWorkbooks.CLOCK.instant())).isNotNull();
		for (EventKind kind : EventKind.values()) {
			if (kind.inWorkbook()) {
				continue;
			}
			WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class,
					() -> ShippedSheets.compile(
							List.of(workbook("shop.xlsx").rule("A", kind.ruleName(), "G", "Hi").build()),
							TestWorkbooks.CLOCK.instant()));
			assertThat(error).as(kind.ruleName()).isNotNull();
			assertThat(error.problem()).startsWith("unknown event type \"" + kind.ruleName() + "\"");
			assertThat(error.fix()).isEqualTo("use one of message, quick_reply, postback, referral, story_mention, "
					+ "story_reply, attachment, comment (comma-separated for several).");
		}
	}

	@Test
	void aTestTurnAcceptsExactlyTheTestsNames() {
		List<String> accepted = Arrays.stream(EventKind.values())
			.map(EventKind::ruleName)
			.filter((name) -> isAcceptedByTheTestsSheet(name))
			.toList();

		assertThat(accepted).isEqualTo(EventKind.testNames());
	}

	@Test
	void anUnknownTestEventListsTheNamesAsBefore() {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class,
				() -> TestsSheet.read(withTests(TestWorkbooks.shipped(), row("Event", "Text"), row("comment", "Hi"))));

		assertThat(error.fix()).isEqualTo("use one of message, quick_reply, postback, referral, story_mention, "
				+ "story_reply, attachment (blank is message).");
	}

	private static boolean isAcceptedByTheTestsSheet(String name) {
		try {
			List<TestTurn> turns = TestsSheet
				.read(withTests(TestWorkbooks.shipped(), row("Event", "Text"), row(name, "Hi")));
			assertThat(turns).singleElement().extracting(TestTurn::event).isEqualTo(name);
			return true;
		}
		catch (WorkbookCompileException ex) {
			assertThat(ex.problem()).isEqualTo("unknown event '" + name + "'.");
			return false;
		}
	}

}
