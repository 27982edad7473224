package dev.dmbot.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(reader, file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read intent data " + file, ex);
		}
	}

	/** Reads examples from {@code reader}; {@code source} names it in error messages. */
	public static List<IntentExample> read(Reader reader, String source) throws IOException {
		List<IntentExample> examples = new ArrayList<>();
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
			examples.add(parse(line, source, lineNumber));
		}
		if (examples.isEmpty()) {
			throw new IntentDataException(source + ": no examples found");
		}
		return examples;
	}

	private static IntentExample parse(String line, String source, int lineNumber) {
		int tab = line.indexOf('\t');
		if (tab < 0) {
			throw malformed(source, lineNumber, "expected label<TAB>text but found no tab in '" + line + "'");
		}
		if (line.indexOf('\t', tab + 1) >= 0) {
			throw malformed(source, lineNumber, "expected exactly one tab but found more in '" + line + "'");
		}
		String label = line.substring(0, tab);
		String text = line.substring(tab + 1).strip();
		if (!LABEL.matcher(label).matches()) {
			throw malformed(source, lineNumber,
					"label '" + label + "' must be lower case letters, digits and underscores");
		}
		if (text.isEmpty()) {
			throw malformed(source, lineNumber, "label '" + label + "' has no text");
		}
		return new IntentExample(label, text);
	}

	private static IntentDataException malformed(String source, int lineNumber, String problem) {
		return new IntentDataException(source + " line " + lineNumber + ": " + problem);
	}

}
