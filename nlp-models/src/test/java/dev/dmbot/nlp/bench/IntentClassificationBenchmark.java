package dev.dmbot.nlp.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.dmbot.nlp.IntentExample;
import dev.dmbot.nlp.IntentExamples;
import dev.dmbot.nlp.IntentModel;
import dev.dmbot.nlp.Prediction;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to classify one customer message with the intent model trained on Banking77 (77
 * intents, 10,003 training lines), on one thread, and time to load that model.
 * <p>
 * Workload: the 3,080 messages of {@code data/banking77/test.tsv}, cycled in turn, one
 * {@link IntentModel#predict} per invocation (normalisation, features, probabilities and
 * the sorted distribution the server receives). The model is the one the
 * {@code nlp-benchmarks} profile trains into
 * {@code target/bench/banking77-intent-model.bin} just before JMH starts. Baseline in the
 * same run: OpenNLP's document categorizer as its manual trains it (whitespace tokens,
 * bag of words, GIS, defaults) on the same data, classifying the same messages. For
 * scale, the shipped 16-intent Lumen &amp; Oak model on the same messages.
 * {@link #loadBanking77} times loading the model file's bytes into an {@link IntentModel}
 * (single shot, ten forks: the cost a server pays once at start-up, cold JVM included).
 * Sample time for the rest, so the report gives the median and the tail.
 * <p>
 * Run from the repository root (training the model takes a minute or two, then about five
 * minutes of measurement):
 * {@code ./mvnw -q -pl nlp-models -Pnlp-benchmarks process-test-classes -Djmh.args=IntentClassificationBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR" })
public class IntentClassificationBenchmark {

	static final Path DATA = Path.of("data/banking77");

	static final Path MODEL = Path.of("target/bench/banking77-intent-model.bin");

	@Benchmark
	public Prediction banking77(Messages messages, Banking77 model) {
		return model.model.predict(messages.next());
	}

	@Benchmark
	public String baselineDefaultMaxent(Messages messages, Baseline baseline) {
		double[] probabilities = baseline.categorizer
			.categorize(WhitespaceTokenizer.INSTANCE.tokenize(messages.next()));
		return baseline.categorizer.getBestCategory(probabilities);
	}

	@Benchmark
	public Prediction lumenOak(Messages messages, LumenOak model) {
		return model.model.predict(messages.next());
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(value = 10, jvmArgsAppend = { "-Xmx2g", "-Dslf4j.internal.verbosity=ERROR" })
	public IntentModel loadBanking77(ModelBytes bytes) throws IOException {
		return IntentModel.load(new ByteArrayInputStream(bytes.bytes));
	}

	/** The Banking77 test messages, handed out in turn. */
	@State(Scope.Thread)
	public static class Messages {

		private List<String> texts;

		private int next;

		@Setup
		public void read() {
			this.texts = IntentExamples.read(DATA.resolve("test.tsv")).stream().map(IntentExample::text).toList();
		}

		String next() {
			String text = this.texts.get(this.next);
			this.next = (this.next + 1) % this.texts.size();
			return text;
		}

	}

	/** The bytes of the model file, read before the timed load. */
	@State(Scope.Benchmark)
	public static class ModelBytes {

		byte[] bytes;

		@Setup
		public void read() throws IOException {
			if (!Files.isRegularFile(MODEL)) {
				throw new IllegalStateException(MODEL.toAbsolutePath() + " is missing; run the benchmark through the "
						+ "nlp-benchmarks profile, which trains it (see the class Javadoc)");
			}
			this.bytes = Files.readAllBytes(MODEL);
		}

	}

	@State(Scope.Benchmark)
	public static class Banking77 {

		IntentModel model;

		@Setup
		public void load(ModelBytes bytes) throws IOException {
			this.model = IntentModel.load(new ByteArrayInputStream(bytes.bytes));
		}

	}

	@State(Scope.Benchmark)
	public static class LumenOak {

		IntentModel model;

		@Setup
		public void load() throws IOException {
			try (InputStream in = IntentModel.class.getResourceAsStream("/dev/dmbot/nlp/intent-model.bin")) {
				this.model = IntentModel.load(in);
			}
		}

	}

	/** OpenNLP's document categorizer trained with the defaults of its manual. */
	@State(Scope.Benchmark)
	public static class Baseline {

		DocumentCategorizerME categorizer;

		@Setup
		public void train() throws IOException {
			List<DocumentSample> samples = IntentExamples.read(DATA.resolve("train.tsv"))
				.stream()
				.map((example) -> new DocumentSample(example.label(),
						WhitespaceTokenizer.INSTANCE.tokenize(example.text())))
				.toList();
			this.categorizer = new DocumentCategorizerME(
					DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
							TrainingParameters.defaultParams(), new DoccatFactory()));
		}

	}

}
