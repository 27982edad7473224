package dev.dmbot.server.messengerprofile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import dev.dmbot.server.messengerprofile.MessengerProfile;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.TestWorkbooks;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.ShippedSheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Ice breakers &amp; menu sheet: what the shipped workbook pushes, and every cell
 * Meta would refuse named before anything goes live.
 */
class ProfileSheetTest {

	static final String EXPECTED_BODY = """
			{"platform":"instagram",\
			"ice_breakers":[{"call_to_actions":[\
			{"question":"Do you ship to my country?","payload":"ICEBREAKER_SHIPPING"},\
			{"question":"Where is my order?","payload":"ICEBREAKER_ORDER_STATUS"},\
			{"question":"Can I book a design consultation?","payload":"ICEBREAKER_BOOKING"},\
			{"question":"Can I talk to a person?","payload":"MENU_HUMAN"}],"locale":"default"}],\
			"persistent_menu":[{"locale":"default","call_to_actions":[\
			{"type":"postback","title":"Order status","payload":"ICEBREAKER_ORDER_STATUS"},\
			{"type":"postback","title":"Design consultation","payload":"ICEBREAKER_BOOKING"},\
			{"type":"postback","title":"Talk to a person","payload":"MENU_HUMAN"},\
			{"type":"web_url","title":"Visit our shop","url":"https://lumenandoak.pt/"}]}]}""";

	@Test
	void theShippedWorkbookHasFourIceBreakersAndAMenuInMetasShape() {
		MessengerProfile profile = MessengerProfile.of(compile(TestWorkbooks.shipped()));

		assertThat(profile.iceBreakers()).extracting(MessengerProfile.IceBreaker::payload)
			.containsExactly("ICEBREAKER_SHIPPING", "ICEBREAKER_ORDER_STATUS", "ICEBREAKER_BOOKING", "MENU_HUMAN");
		assertThat(JsonMapper.builder().build().writeValueAsString(profile.body())).isEqualTo(EXPECTED_BODY);
	}

	@Test
	void aWorkbookWithoutTheSheetHasNothingToPush() {
		assertThat(MessengerProfile.of(compile(withoutSheet())).isEmpty()).isTrue();
	}

	@Test
	void aFifthIceBreakerIsNamedAtItsQuestion() {
		WorkbookCompileException error = rejected("A8", "Do you have gift cards?", "B8", "ICEBREAKER_SHIPPING");

		assertThat(error.location()).isEqualTo("lumen-oak.xlsx, sheet Ice breakers & menu, row 8, column A");
		assertThat(error.problem()).contains("a 5th ice breaker", "at most 4");
	}

	@Test
	void aQuestionLongerThanMetaTakesIsNamed() {
		String question = "Do you ship sofas, tables and lamps to the Azores, Madeira and the rest of the EU too?";
		WorkbookCompileException error = rejected("A4", question);

		assertThat(error.location()).isEqualTo("lumen-oak.xlsx, sheet Ice breakers & menu, row 4, column A");
		assertThat(error.value()).isEqualTo(question);
		assertThat(error.problem()).contains(question.length() + " characters", "at most 80");
	}

	@Test
	void aPayloadNoReplyAnswersIsNamedWithTheOneMeant() {
		WorkbookCompileException error = rejected("B5", "ICEBREAKER_ORDER_STAUS");

		assertThat(error.location()).endsWith("row 5, column B");
		assertThat(error.problem()).contains("did you mean \"ICEBREAKER_ORDER_STATUS\"?");
		assertThat(error.fix()).contains("MENU_HUMAN");
	}

	@Test
	void aMenuTitleLongerThanThirtyCharactersIsNamed() {
		WorkbookCompileException error = rejected("A11", "Where is my order right now, please?");

		assertThat(error.location()).endsWith("row 11, column A");
		assertThat(error.problem()).contains("at most 30");
	}

	@Test
	void aMenuItemIsAPayloadOrALinkNotBoth() {
		WorkbookCompileException error = rejected("C11", "https://lumenandoak.pt/orders");

		assertThat(error.location()).endsWith("row 11, column C");
		assertThat(error.problem()).contains("both a payload and a URL");
	}

	@Test
	void aLinkMustBeHttps() {
		assertThat(rejected("C14", "lumenandoak.pt").problem()).contains("not a web address");
	}

	@Test
	void localisedQuestionsNeedADefaultList() {
		WorkbookCompileException error = rejected("C4", "pt_PT", "C5", "pt-pt", "C6", "pt_PT", "C7", "pt_PT");

		assertThat(error.location()).endsWith("row 3, column A");
		assertThat(error.problem()).contains("default locale");
	}

	@Test
	void anotherLocaleHasFourQuestionsOfItsOwn() {
		MessengerProfile profile = MessengerProfile.of(compile(withProfileCells("C6", "pt_PT", "C7", "pt_PT")));

		assertThat(profile.iceBreakers()).extracting(MessengerProfile.IceBreaker::locale)
			.containsExactly("default", "default", "pt_PT", "pt_PT");
	}

	@Test
	void anUnknownLocaleIsNamed() {
		assertThat(rejected("C4", "Portuguese").location()).endsWith("row 4, column C");
	}

	@Test
	void aMistypedTitleIsNamedWithTheOneMeant() {
		WorkbookCompileException error = rejected("B3", "Payloda");

		assertThat(error.location()).endsWith("row 3, column B");
		assertThat(error.problem()).contains("did you mean \"Payload\"?");
	}

	@Test
	void aCellInNoTableIsNamed() {
		assertThat(rejected("B9", "stray").location()).endsWith("row 9, column B");
	}

	private static WorkbookCompileException rejected(String... cellsAndValues) {
		WorkbookCompileException error = catchThrowableOfType(WorkbookCompileException.class,
				() -> compile(withProfileCells(cellsAndValues)));
		assertThat(error).as("compile error").isNotNull();
		assertThat(error.sheet()).isEqualTo(ProfileSheetReader.NAME);
		return error;
	}

	private static CompiledRules compile(Workbook workbook) {
		return ShippedSheets.compile(List.of(workbook), TestWorkbooks.CLOCK.instant());
	}

	/** The shipped workbook with cells of the Ice breakers &amp; menu sheet set. */
	static Workbook withProfileCells(String... cellsAndValues) {
		return edited((poi) -> {
			Sheet sheet = poi.getSheet(ProfileSheetReader.NAME);
			for (int i = 0; i < cellsAndValues.length; i += 2) {
				CellReference ref = new CellReference(cellsAndValues[i]);
				Row row = (sheet.getRow(ref.getRow()) != null) ? sheet.getRow(ref.getRow())
						: sheet.createRow(ref.getRow());
				Cell cell = row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
				cell.setCellValue(cellsAndValues[i + 1]);
			}
		});
	}

	static Workbook withoutSheet() {
		return edited((poi) -> poi.removeSheetAt(poi.getSheetIndex(ProfileSheetReader.NAME)));
	}

	private static Workbook edited(java.util.function.Consumer<XSSFWorkbook> edit) {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(TestWorkbooks.shipped().bytes()))) {
			edit.accept(poi);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return new Workbook("lumen-oak.xlsx", out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
