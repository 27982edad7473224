package dev.dmbot.nlp;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line for the nlp-models module; the build runs {@code train} to produce the
 * intent model packaged in this module's jar.
 * <p>
 * {@link #main(String[])} returns normally on success because the build runs it inside
 * Maven's JVM.
 */
@Command(name = "nlp-models", mixinStandardHelpOptions = true, subcommands = NlpModelsCommand.Train.class,
		description = "Builds the intent model used by the DM bot.")
public final class NlpModelsCommand implements Runnable {

	public static void main(String[] args) {
		// opennlp-tools logs through SLF4J and this module ships no binding on purpose
		// (the server brings its own);
		// without this the build prints SLF4J's "no providers" warning on every run.
		if (System.getProperty("slf4j.internal.verbosity") == null) {
			System.setProperty("slf4j.internal.verbosity", "ERROR");
		}
		int exitCode = new CommandLine(new NlpModelsCommand()).execute(args);
		if (exitCode != 0) {
			System.exit(exitCode);
		}
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand: use 'train'");
	}

	@Command(name = "train", mixinStandardHelpOptions = true,
			description = "Trains the intent model from label<TAB>text examples.")
	static final class Train implements Callable<Integer> {

		@Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data (TSV).")
		Path data;

		@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
		Path out;

		@Override
		public Integer call() throws Exception {
			long start = System.nanoTime();
			List<IntentExample> examples;
			try {
				examples = IntentExamples.read(this.data);
			}
			catch (IntentDataException ex) {
				System.err.println(ex.getMessage());
				return 1;
			}
			IntentModel model = new IntentModelTrainer().train(examples);
			model.writeTo(this.out);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("Trained intent model: %d examples, %d intents, %.2f s -> %s%n", examples.size(),
					model.labels().size(), seconds, this.out);
			return 0;
		}

	}

}
