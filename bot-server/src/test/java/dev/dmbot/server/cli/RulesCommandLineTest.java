package dev.dmbot.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} and {@code test} run in-process on the shipped workbook and on broken
 * copies of it, with their output captured.
 */
class RulesCommandLineTest {

	private static final Path SHIPPED = Path.of("..", "rules", "lumen-oak.xlsx");

	@TempDir
	Path folder;

	private record Run(int exitCode, String out, String err) {
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = RulesCommandLine.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Run(exitCode, out.toString(), err.toString());
	}

	/**
	 * A copy of the shipped workbook in the temporary folder with cells of one sheet set,
	 * e.g. {@code "Tests", "H2", "pricing"}.
	 */
	private Path shippedWith(String sheet, String... cellsAndValues) throws IOException {
		try (XSSFWorkbook poi = new XSSFWorkbook(Files.newInputStream(SHIPPED))) {
			for (int i = 0; i < cellsAndValues.length; i += 2) {
				CellReference ref = new CellReference(cellsAndValues[i]);
				Row row = poi.getSheet(sheet).getRow(ref.getRow());
				Cell cell = row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
				cell.setCellValue(cellsAndValues[i + 1]);
			}
			Path file = this.folder.resolve("lumen-oak.xlsx");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			poi.write(bytes);
			Files.write(file, bytes.toByteArray());
			return file;
		}
	}

	@Test
	void validateReportsTheTablesRowsAndTestTurnsOfAGoodWorkbook() {
		Run run = run("validate", SHIPPED.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).matches("lumen-oak.xlsx: OK — 1 table, \\d+ rows, \\d+ test turns\\R");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void validateNamesTheCellOfABrokenWorkbookAndExitsWithOne() throws IOException {
		Path broken = shippedWith("Replies", "H24", "Lamps>LAMPS; Everything about our rugs>RUGS");

		Run run = run("validate", broken.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).startsWith("lumen-oak.xlsx, sheet Replies, row 24, column H: quick reply title");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void validateNamesTheCellOfAMalformedTestsSheet() throws IOException {
		Path broken = shippedWith("Tests", "E3", "direct_message");

		Run run = run("validate", broken.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err())
			.startsWith("lumen-oak.xlsx, sheet Tests, row 3, column E: unknown event 'direct_message'.");
	}

	@Test
	void validateChecksThatWorkbooksFineOnTheirOwnCompileTogether() throws IOException {
		// The copy's flow has a name of its own, so only the Replies tables clash.
		Path copy = shippedWithFlowRenamed("lumen-oak-copy.xlsx", "design_project", "design_copy");

		Run run = run("validate", SHIPPED.toString(), copy.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("lumen-oak.xlsx: OK").contains("lumen-oak-copy.xlsx: OK");
		assertThat(run.err()).startsWith("Each workbook compiles on its own, but not together")
			.contains("lumen-oak-copy.xlsx, sheet Replies")
			.contains("clash with the table of the same name in lumen-oak.xlsx");
	}

	@Test
	void validateChecksThatFlowsOfWorkbooksFineOnTheirOwnDoNotClash() throws IOException {
		Path copy = this.folder.resolve("lumen-oak-copy.xlsx");
		Files.copy(SHIPPED, copy);

		Run run = run("validate", SHIPPED.toString(), copy.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("lumen-oak.xlsx: OK").contains("lumen-oak-copy.xlsx: OK");
		assertThat(run.err()).startsWith("Each workbook compiles on its own, but not together")
			.contains("lumen-oak-copy.xlsx, sheet Flows, row 3, column A: flow design_project is also defined in"
					+ " lumen-oak.xlsx, sheet Flows, row 3.");
	}

	/**
	 * A copy of the shipped workbook in the temporary folder whose flow {@code from} is
	 * called {@code to} in every sheet, its {@code flow:} state included.
	 */
	private Path shippedWithFlowRenamed(String fileName, String from, String to) throws IOException {
		try (XSSFWorkbook poi = new XSSFWorkbook(Files.newInputStream(SHIPPED))) {
			for (Sheet sheet : poi) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING
								&& cell.getStringCellValue().strip().matches("(flow:)?" + from)) {
							cell.setCellValue(cell.getStringCellValue().replace(from, to));
						}
					}
				}
			}
			Path file = this.folder.resolve(fileName);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			poi.write(bytes);
			Files.write(file, bytes.toByteArray());
			return file;
		}
	}

	@Test
	void testRunsTheShippedTestsSheetAndPassesIt() {
		Run run = run("test", SHIPPED.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).matches("\\d+ passed, 0 failed\\R");
	}

	@Test
	void testPrintsEachFailingTurnAndExitsWithOne() throws IOException {
		Path failing = shippedWith("Tests", "H2", "pricing");

		Run run = run("test", failing.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).startsWith(
				"lumen-oak.xlsx, sheet Tests, row 2, column H: expected intent \"pricing\", got \"greeting\" (confidence ")
			.containsPattern("\\R\\d+ passed, 1 failed\\R$");
	}

	@Test
	void testOfABrokenWorkbookNamesTheCellAndRunsNothing() throws IOException {
		Path broken = shippedWith("Replies", "B25", "greetings");

		Run run = run("test", broken.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err())
			.startsWith("lumen-oak.xlsx, sheet Replies, row 25, column B: unknown intent \"greetings\" — did you mean "
					+ "\"greeting\"?");
		assertThat(run.out()).doesNotContain("passed");
	}

	@Test
	void aMissingFileIsNamedAndExitsWithTwo() {
		Path missing = this.folder.resolve("nowhere.xlsx");

		Run validate = run("validate", missing.toString());
		Run test = run("test", missing.toString());

		assertThat(validate.exitCode()).isEqualTo(2);
		assertThat(validate.err()).isEqualTo(missing + ": no such file." + System.lineSeparator());
		assertThat(test.exitCode()).isEqualTo(2);
		assertThat(test.err()).contains(missing + ": no such file.");
	}

	@Test
	void aFolderIsNotAWorkbook() {
		Run run = run("validate", this.folder.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("is a folder");
	}

	@Test
	void onlyValidateAndTestAreTakenFromTheServer() {
		assertThat(RulesCommandLine.handles(new String[] { "validate", "x.xlsx" })).isTrue();
		assertThat(RulesCommandLine.handles(new String[] { "test" })).isTrue();
		assertThat(RulesCommandLine.handles(new String[] {})).isFalse();
		assertThat(RulesCommandLine.handles(new String[] { "--server.port=9090" })).isFalse();
	}

}
