package dev.dmbot.server.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Command;

import dev.dmbot.server.ShippedSheets;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.nlp.NlpProperties;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.IntentLookup;
import dev.dmbot.server.workbook.TestFailure;
import dev.dmbot.server.workbook.TestReport;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.workbooktests.WorkbookTests;

/**
 * {@code test FILE...}: compiles the workbooks together, as the server does, and runs
 * their Tests sheets with the built-in intent model and the default confidence threshold.
 */
@Command(name = "test", description = { "Compiles the workbooks together and runs the turns of their Tests sheets.",
		"Prints each failure and 'N passed, M failed'.",
		"Exit code 0 when every turn passes, 1 when one fails or a workbook is broken, 2 when a file cannot be read." })
final class TestCommand extends WorkbookCommand {

	@Override
	int run(List<Workbook> workbooks, PrintWriter out, PrintWriter err) {
		TestReport report;
		try {
			CompiledRules rules = ShippedSheets.compile(workbooks, Instant.now());
			report = WorkbookTests.run(rules, workbooks, intentModel());
		}
		catch (WorkbookCompileException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		for (TestFailure failure : report.failures()) {
			out.println(failure.message());
		}
		if (report.passed() == 0 && report.allPassed()) {
			err.println("No test turns: add a sheet named Tests to a workbook to check how it answers.");
		}
		out.println(report.summary());
		return report.allPassed() ? 0 : 1;
	}

	private static IntentLookup intentModel() {
		IntentClassifier classifier = new IntentClassifier(NlpProperties.defaults());
		LanguageDetector languages = new LanguageDetector(NlpProperties.defaults());
		return (text, previousLanguage) -> {
			DetectedLanguage language = languages.detect(text, previousLanguage, null);
			Intent intent = classifier.classify(text, language.code());
			return new IntentLookup.ClassifiedIntent(intent.name(), intent.confidence(), language.code());
		};
	}

}
