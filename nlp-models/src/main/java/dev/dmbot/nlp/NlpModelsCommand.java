package dev.dmbot.nlp;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.dmbot.nlp.IntentExamples.ExampleLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line for the nlp-models module: {@code train} builds a model (the build runs it
 * to produce the intent model packaged in this module's jar), {@code evaluate} measures
 * one, {@code banking77} converts the Banking77 benchmark data.
 * <p>
 * Bad input ends with one line naming the file, the line and the fix, and a non-zero exit
 * code, never a stack trace. {@link #main(String[])} returns normally on success because
 * the build runs it inside Maven's JVM.
 */
@Command(name = "nlp-models", mixinStandardHelpOptions = true,
		subcommands = { NlpModelsCommand.Train.class, NlpModelsCommand.Evaluate.class,
				NlpModelsCommand.Banking77.class },
		description = "Builds and measures the intent model used by the DM bot.")
public final class NlpModelsCommand implements Runnable {

	public static void main(String[] args) {
		// opennlp-tools logs through SLF4J and this module ships no binding on purpose
		// (the server brings its own);
		// without this the build prints SLF4J's "no providers" warning on every run.
		if (System.getProperty("slf4j.internal.verbosity") == null) {
			System.setProperty("slf4j.internal.verbosity", "ERROR");
		}
		int exitCode = commandLine().execute(args);
		if (exitCode != 0) {
			System.exit(exitCode);
		}
	}

	/** The command line with its error handling, for {@link #main} and tests. */
	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new NlpModelsCommand());
		commandLine.setExecutionExceptionHandler(NlpModelsCommand::reportFailure);
		return commandLine;
	}

	private static int reportFailure(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult)
			throws Exception {
		PrintWriter err = commandLine.getErr();
		if (ex instanceof IntentDataException) {
			err.println("error: " + ex.getMessage());
		}
		else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
			Throwable cause = (ex instanceof UncheckedIOException) ? ex.getCause() : ex;
			err.println("error: " + ex.getMessage() + ((cause != ex) ? " (" + cause + ")" : ""));
		}
		else {
			// A bug rather than bad input: the stack trace is what a maintainer needs.
			throw ex;
		}
		err.flush();
		return 1;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(new CommandLine(this),
				"Missing subcommand: use 'train', 'evaluate' or 'banking77'");
	}

	@Command(name = "train", mixinStandardHelpOptions = true,
			description = "Trains the intent model from label<TAB>text examples.")
	static final class Train implements Callable<Integer> {

		@Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data (TSV).")
		Path data;

		@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
		Path out;

		@Override
		public Integer call() throws IOException {
			long start = System.nanoTime();
			List<ExampleLine> lines = IntentExamples.readLines(this.data);
			IntentEvaluator.requireNoOutOfScope(lines);
			List<IntentExample> examples = lines.stream().map(ExampleLine::example).toList();
			IntentModel model = new IntentModelTrainer().train(examples);
			model.writeTo(this.out);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("Trained intent model: %d examples, %d intents, %.2f s -> %s%n", examples.size(),
					model.labels().size(), seconds, this.out);
			return 0;
		}

	}

	@Command(name = "evaluate", mixinStandardHelpOptions = true,
			description = { "Trains on --train, chooses the out-of-scope threshold on --val and reports on --test.",
					"Lines labelled 'oos' in --val and --test are out of scope. The last line printed is one "
							+ "JSON object with the figures." })
	static final class Evaluate implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--train", required = true, paramLabel = "FILE",
				description = "Training data (TSV), no oos lines.")
		Path train;

		@Option(names = "--val", paramLabel = "FILE",
				description = "Validation data (TSV) to choose the threshold on; without it nothing is rejected.")
		Path val;

		@Option(names = "--test", required = true, paramLabel = "FILE", description = "Test data (TSV).")
		Path test;

		@Option(names = "--max-accuracy-loss", paramLabel = "FRACTION",
				defaultValue = "" + IntentEvaluator.DEFAULT_MAX_ACCURACY_LOSS,
				description = { "In-scope accuracy on --val the threshold may cost (default ${DEFAULT-VALUE}, "
						+ "i.e. 3 points):", "the highest threshold within it is chosen." })
		double maxAccuracyLoss;

		@Option(names = "--baseline",
				description = "Also train OpenNLP's default document categorizer (bag of words, GIS) on --train "
						+ "and report its closed-set accuracy on --test, for comparison.")
		boolean baseline;

		@Override
		public Integer call() {
			List<ExampleLine> trainLines = IntentExamples.readLines(this.train);
			List<ExampleLine> valLines = (this.val != null) ? IntentExamples.readLines(this.val) : List.of();
			List<ExampleLine> testLines = IntentExamples.readLines(this.test);
			IntentEvaluation evaluation = new IntentEvaluator((examples) -> new IntentModelTrainer().train(examples),
					this.maxAccuracyLoss)
				.evaluate(trainLines, valLines, testLines);
			double medianMicros = ClassificationLatency.medianMicros(evaluation.model(),
					testLines.stream().map((line) -> line.example().text()).toList());
			BaselineFigures baselineFigures = this.baseline ? BaselineFigures.measure(trainLines, testLines) : null;
			PrintWriter out = this.spec.commandLine().getOut();
			EvaluationReport.print(evaluation, medianMicros, baselineFigures, out);
			out.flush();
			return 0;
		}

	}

	@Command(name = "banking77", mixinStandardHelpOptions = true,
			description = { "Converts Banking77 (train.csv, test.csv, categories.json) into label<TAB>text files:",
					"train.tsv and test.tsv (77 intents), and oos-train.tsv, oos-val.tsv, oos-test.tsv with the "
							+ "last 10 intents of categories.json held out as oos." })
	static final class Banking77 implements Callable<Integer> {

		@Option(names = "--source", required = true, paramLabel = "DIR",
				description = "Folder with PolyAI's Banking77 files.")
		Path source;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the TSV files to.")
		Path out;

		@Override
		public Integer call() throws IOException {
			Banking77Splits.Summary summary = Banking77Splits.write(this.source, this.out);
			System.out.printf(
					"Wrote %s: train.tsv %d, test.tsv %d, oos-train.tsv %d, oos-val.tsv %d, "
							+ "oos-test.tsv %d lines; held out as oos: %s%n",
					this.out, summary.train(), summary.test(), summary.oosTrain(), summary.oosVal(), summary.oosTest(),
					String.join(", ", summary.heldOut()));
			return 0;
		}

	}

}
