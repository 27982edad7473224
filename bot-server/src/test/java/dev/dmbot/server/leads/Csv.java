package dev.dmbot.server.leads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads RFC 4180 CSV back into rows, so tests check what a spreadsheet would see. */
final class Csv {

	private Csv() {
	}

	static List<List<String>> parse(String text) {
		try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
			return parser.stream().map(CSVRecord::toList).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
