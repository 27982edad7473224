package dev.dmbot.server.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.nlp.NlpProperties;

/** Fixtures: workbooks with a Tests sheet of our own, and the real intent model. */
public final class TestsSheets {

	private TestsSheets() {
	}

	/** The intent model built by nlp-models, with the default threshold. */
	public static IntentLookup realIntentModel() {
		IntentClassifier classifier = new IntentClassifier(NlpProperties.defaults());
		LanguageDetector languages = new LanguageDetector(NlpProperties.defaults());
		return (text, previousLanguage) -> {
			DetectedLanguage language = languages.detect(text, previousLanguage, null);
			Intent intent = classifier.classify(text, language.code());
			return new IntentLookup.ClassifiedIntent(intent.name(), intent.confidence(), language.code());
		};
	}

	/**
	 * {@code workbook} with its Tests sheet replaced by {@code rows}: the titles first,
	 * then one array per row; {@code null} leaves a cell, or a whole row, empty.
	 */
	public static Workbook withTests(Workbook workbook, String[]... rows) {
		return edit(workbook, (poi) -> {
			Sheet sheet = poi.createSheet("Tests");
			for (int r = 0; r < rows.length; r++) {
				if (rows[r] == null) {
					continue;
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
		});
	}

	/** {@code workbook} without a Tests sheet. */
	public static Workbook withoutTests(Workbook workbook) {
		return edit(workbook, (poi) -> {
		});
	}

	public static String[] row(String... cells) {
		return cells;
	}

	private static Workbook edit(Workbook workbook, java.util.function.Consumer<XSSFWorkbook> change) {
		try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
			int tests = poi.getSheetIndex("Tests");
			if (tests >= 0) {
				poi.removeSheetAt(tests);
			}
			change.accept(poi);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			poi.write(out);
			return new Workbook(workbook.name(), out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
