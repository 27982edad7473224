package dev.dmbot.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads intent training data in OpenNLP doccat layout: one {@code label<TAB>text} example
 * a line, UTF-8. Blank lines and lines starting with {@code #} are skipped; anything else
 * that is not a label, one tab and some text is rejected with the file and line number,
 * so a typo in the data fails the build instead of the model.
 */
public final class IntentExamples {

	private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

	private IntentExamples() {
	}

	public static List<IntentExample> read(Path file) {
		return examplesOf(readLines(file));
	}

	/** Reads examples from {@code reader}; {@code source} names it in error messages. */
	public static List<IntentExample> read(Reader reader, String source) throws IOException {
		return examplesOf(readLines(reader, source));
	}

	/**
	 * Reads examples with the line each came from, for checks that must point at a line
	 * (an intent the model never saw, for instance).
	 */
	static List<ExampleLine> readLines(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IntentDataException(file + ": file not found (resolved to " + file.toAbsolutePath()
					+ "); check the path, which is relative to the current directory");
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return readLines(reader, file.toString());
		}
		catch (CharacterCodingException ex) {
			throw new IntentDataException(file + ": not UTF-8 text; save it as UTF-8");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read intent data " + file, ex);
		}
	}

	/** One example and the line number it was read from (1-based). */
	record ExampleLine(IntentExample example, String source, int line) {

		/** Where this example is, in the form error messages use: {@code file line N}. */
		String where() {
			return this.source + " line " + this.line;
		}

	}

	private static List<IntentExample> examplesOf(List<ExampleLine> lines) {
		return lines.stream().map(ExampleLine::example).toList();
	}

	private static List<ExampleLine> readLines(Reader reader, String source) throws IOException {
		List<ExampleLine> examples = new ArrayList<>();
		BufferedReader lines = new BufferedReader(reader);
		int lineNumber = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			lineNumber++;
			if (lineNumber == 1 && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			if (line.isBlank() || line.stripLeading().startsWith("#")) {
				continue;
			}
			examples.add(new ExampleLine(parse(line, source, lineNumber), source, lineNumber));
		}
		if (examples.isEmpty()) {
			throw new IntentDataException(source + ": no examples found; write one label<TAB>text example a line");
		}
		return examples;
	}

	private static IntentExample parse(String line, String source, int lineNumber) {
		int tab = line.indexOf('\t');
		if (tab < 0) {
			throw malformed(source, lineNumber, "expected label<TAB>text but found no tab in '" + line
					+ "'; separate the label from the text with one tab character, not spaces");
		}
		if (line.indexOf('\t', tab + 1) >= 0) {
			throw malformed(source, lineNumber, "expected exactly one tab but found more in '" + line
					+ "'; replace the tabs inside the text with spaces");
		}
		String label = line.substring(0, tab);
		String text = line.substring(tab + 1).strip();
		if (label.isEmpty()) {
			throw malformed(source, lineNumber,
					"empty label before the tab in '" + line + "'; write the intent name first, e.g. greeting<TAB>hi");
		}
		if (!LABEL.matcher(label).matches()) {
			throw malformed(source, lineNumber, "label '" + label
					+ "' must be lower case letters, digits and underscores, starting with a letter (e.g. order_status)");
		}
		if (text.isEmpty()) {
			throw malformed(source, lineNumber,
					"label '" + label + "' has no text; write the customer's message after the tab or delete the line");
		}
		return new IntentExample(label, text);
	}

	private static IntentDataException malformed(String source, int lineNumber, String problem) {
		return new IntentDataException(source + " line " + lineNumber + ": " + problem);
	}

}
