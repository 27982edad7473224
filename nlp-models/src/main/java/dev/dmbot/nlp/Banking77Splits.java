package dev.dmbot.nlp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Converts the Banking77 dataset (PolyAI's {@code train.csv}, {@code test.csv} and
 * {@code categories.json}) into this module's {@code label<TAB>text} files, and carves
 * the out-of-scope benchmark from it.
 * <p>
 * Files written:
 * <ul>
 * <li>{@code train.tsv}, {@code test.tsv}: all 77 intents, in source order (closed-set
 * benchmark);</li>
 * <li>{@code oos-train.tsv}, {@code oos-val.tsv}, {@code oos-test.tsv}: the last
 * {@value #HELD_OUT_INTENTS} intents of {@code categories.json} are held out of training
 * and labelled {@value IntentEvaluator#OUT_OF_SCOPE}; the validation file is a stratified
 * {@value #VALIDATION_SHARE} share of every intent's training lines, drawn with a fixed
 * seed. The training lines of held-out intents that are not in the validation file are
 * dropped, so the model never sees them.</li>
 * </ul>
 * The same source always gives byte-identical files.
 */
final class Banking77Splits {

	static final int HELD_OUT_INTENTS = 10;

	static final double VALIDATION_SHARE = 0.1;

	static final long SEED = 77;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern NOT_IN_LABEL = Pattern.compile("[^a-z0-9_]");

	private static final Pattern JSON_STRING = Pattern.compile("\"([^\"]+)\"");

	private Banking77Splits() {
	}

	/** Reads the dataset in {@code source} and writes the five files into {@code out}. */
	static Summary write(Path source, Path out) throws IOException {
		List<IntentExample> train = readCsv(source.resolve("train.csv"));
		List<IntentExample> test = readCsv(source.resolve("test.csv"));
		List<String> categories = readCategories(source.resolve("categories.json"));
		Set<String> heldOut = new LinkedHashSet<>(
				categories.subList(categories.size() - HELD_OUT_INTENTS, categories.size()));

		Map<String, List<IntentExample>> trainByLabel = byLabel(train);
		Random random = new Random(SEED);
		List<IntentExample> oosTrain = new ArrayList<>();
		List<IntentExample> oosVal = new ArrayList<>();
		for (String label : categories) {
			List<IntentExample> shuffled = new ArrayList<>(trainByLabel.getOrDefault(label, List.of()));
			Collections.shuffle(shuffled, random);
			int valCount = (int) Math.round(shuffled.size() * VALIDATION_SHARE);
			for (IntentExample example : shuffled.subList(0, valCount)) {
				oosVal.add(heldOut.contains(label) ? outOfScope(example) : example);
			}
			if (!heldOut.contains(label)) {
				oosTrain.addAll(shuffled.subList(valCount, shuffled.size()));
			}
		}
		// Back into source order, so the files read like the original and diffs stay
		// small.
		Map<IntentExample, Integer> position = new IdentityHashMap<>();
		for (int i = 0; i < train.size(); i++) {
			position.put(train.get(i), i);
		}
		oosTrain.sort(Comparator.comparing(position::get));
		List<IntentExample> oosTest = test.stream()
			.map((example) -> heldOut.contains(example.label()) ? outOfScope(example) : example)
			.toList();

		Files.createDirectories(out);
		String origin = "# Banking77 (PolyAI-LDN/task-specific-datasets, CC BY 4.0), converted by "
				+ "'nlp-models banking77'; see SOURCE.md.";
		writeTsv(out.resolve("train.tsv"), origin, train);
		writeTsv(out.resolve("test.tsv"), origin, test);
		String oosOrigin = origin + " Held out as oos: " + String.join(", ", heldOut) + ".";
		writeTsv(out.resolve("oos-train.tsv"), oosOrigin, oosTrain);
		writeTsv(out.resolve("oos-val.tsv"), oosOrigin, oosVal);
		writeTsv(out.resolve("oos-test.tsv"), oosOrigin, oosTest);
		return new Summary(train.size(), test.size(), oosTrain.size(), oosVal.size(), oosTest.size(),
				List.copyOf(heldOut));
	}

	/** How many lines each written file holds, and which intents were held out. */
	record Summary(int train, int test, int oosTrain, int oosVal, int oosTest, List<String> heldOut) {
	}

	private static IntentExample outOfScope(IntentExample example) {
		return new IntentExample(IntentEvaluator.OUT_OF_SCOPE, example.text());
	}

	private static Map<String, List<IntentExample>> byLabel(List<IntentExample> examples) {
		Map<String, List<IntentExample>> byLabel = new LinkedHashMap<>();
		for (IntentExample example : examples) {
			byLabel.computeIfAbsent(example.label(), (label) -> new ArrayList<>()).add(example);
		}
		return byLabel;
	}

	private static List<String> readCategories(Path file) throws IOException {
		String json = Files.readString(requireFile(file), StandardCharsets.UTF_8);
		List<String> categories = JSON_STRING.matcher(json).results().map((match) -> label(match.group(1))).toList();
		if (categories.size() <= HELD_OUT_INTENTS) {
			throw new IntentDataException(
					file + ": expected a JSON array of intent names but found " + categories.size() + " names");
		}
		return categories;
	}

	/**
	 * Reads a {@code text,category} CSV with a header line; fields may be quoted, with
	 * {@code ""} for a quote and line breaks inside quotes. Whitespace inside a text
	 * (line breaks included) is collapsed to one space, since a TSV line cannot hold it.
	 */
	static List<IntentExample> readCsv(Path file) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
		List<IntentExample> examples = new ArrayList<>();
		boolean headerRead = false;
		try (Reader reader = Files.newBufferedReader(requireFile(file), StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord record : parser) {
				List<String> row = record.toList();
				if (record.getRecordNumber() == 1) {
					if (!row.equals(List.of("text", "category"))) {
						throw new IntentDataException(file + " line 1: expected the header 'text,category'");
					}
					headerRead = true;
					continue;
				}
				if (row.size() != 2) {
					throw new IntentDataException(file + " record " + record.getRecordNumber() + ": expected 2 fields "
							+ "but found " + row.size() + " in " + row);
				}
				String text = WHITESPACE.matcher(row.get(0)).replaceAll(" ").strip();
				examples.add(new IntentExample(label(row.get(1)), text));
			}
		}
		catch (UncheckedIOException ex) {
			// Commons CSV reports a quote that is never closed this way, naming the line.
			throw new IntentDataException(
					file + ": not valid CSV: " + ex.getCause().getMessage() + "; a quoted text must end with a quote");
		}
		if (!headerRead) {
			throw new IntentDataException(file + " line 1: expected the header 'text,category'");
		}
		return examples;
	}

	/**
	 * Banking77 spells two intents {@code Refund_not_showing_up} and
	 * {@code reverted_card_payment?}; labels here are lower-case identifiers.
	 */
	private static String label(String category) {
		return NOT_IN_LABEL.matcher(category.strip().toLowerCase(Locale.ROOT)).replaceAll("");
	}

	private static Path requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IntentDataException(file + ": file not found; --source must be the Banking77 folder holding "
					+ "train.csv, test.csv and categories.json");
		}
		return file;
	}

	private static void writeTsv(Path file, String header, List<IntentExample> examples) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(header);
			writer.write('\n');
			for (IntentExample example : examples) {
				writer.write(example.label());
				writer.write('\t');
				writer.write(example.text());
				writer.write('\n');
			}
		}
	}

}
