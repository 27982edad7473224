package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesDiffTest {

	@Test
	void anEditedCellIsOneChangedRowWithBothValues() {
		List<RowChange> changes = RulesDiff.between(List.of(TestWorkbooks.shipped()),
				List.of(TestWorkbooks.shippedWith("G23", "Porto: same day, free.")));

		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.change()).isEqualTo("changed");
			assertThat(change.sheet()).isEqualTo("Replies");
			assertThat(change.rowBefore()).isEqualTo(23);
			assertThat(change.rowAfter()).isEqualTo(23);
			assertThat(change.before()).anySatisfy((cell) -> assertThat(cell).startsWith("Good news for Porto!"));
			assertThat(change.after()).contains("Porto: same day, free.");
		});
	}

	@Test
	void anInsertedRowIsOneAddedRowNotEveryRowBelowItChanged() throws IOException {
		Workbook inserted = withRowInsertedAt(22, "message", "shipping", "lisbon",
				"Lisbon orders arrive the next working day.");

		List<RowChange> changes = RulesDiff.between(List.of(TestWorkbooks.shipped()), List.of(inserted));

		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.change()).isEqualTo("added");
			assertThat(change.rowAfter()).isEqualTo(23);
			assertThat(change.after()).contains("lisbon", "Lisbon orders arrive the next working day.");
		});
	}

	@Test
	void aWorkbookLeftOutOfTheSetHasAllItsRowsRemoved() {
		Workbook other = new Workbook("campaigns.xlsx", TestWorkbooks.shipped().bytes());

		List<RowChange> changes = RulesDiff.between(List.of(TestWorkbooks.shipped(), other),
				List.of(TestWorkbooks.shipped()));

		assertThat(changes).isNotEmpty()
			.allSatisfy((change) -> assertThat(change.workbook()).isEqualTo("campaigns.xlsx"))
			.allSatisfy((change) -> assertThat(change.change()).isEqualTo("removed"));
	}

	/** The shipped workbook with a rule row inserted above 0-based row {@code index}. */
	private static Workbook withRowInsertedAt(int index, String event, String intent, String keywords, String reply)
			throws IOException {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(TestWorkbooks.shipped().bytes()))) {
			Sheet sheet = poi.getSheet("Replies");
			sheet.shiftRows(index, sheet.getLastRowNum(), 1);
			Row row = sheet.createRow(index);
			row.createCell(0).setCellValue(event);
			row.createCell(1).setCellValue(intent);
			row.createCell(3).setCellValue(keywords);
			row.createCell(6).setCellValue(reply);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return new Workbook("lumen-oak.xlsx", out.toByteArray());
		}
	}

}
