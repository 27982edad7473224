package dev.dmbot.nlp;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class NlpModelsCommandTest {

	@TempDir
	Path dir;

	@Test
	void trainWritesALoadableModelCreatingParentDirectories() throws IOException {
		Path data = Files.writeString(this.dir.resolve("intents.tsv"),
				"greeting\thi there\ngreeting\thello\nthanks\tthank you\nthanks\tthanks a lot\n");
		Path model = this.dir.resolve("nested/out/intent-model.bin");

		int exitCode = execute("train", "--data", data.toString(), "--out", model.toString());

		assertThat(exitCode).isZero();
		assertThat(IntentModel.load(model).labels()).containsExactly("greeting", "thanks");
	}

	@Test
	void malformedDataFailsWithoutWritingAModel() throws IOException {
		Path data = Files.writeString(this.dir.resolve("intents.tsv"), "greeting hi\n");
		Path model = this.dir.resolve("intent-model.bin");

		int exitCode = execute("train", "--data", data.toString(), "--out", model.toString());

		assertThat(exitCode).isNotZero();
		assertThat(model).doesNotExist();
	}

	@Test
	void evaluatePrintsAReportEndingWithOneJsonLine() throws IOException {
		Path train = tsv("train.tsv", TRAIN);
		Path val = tsv("val.tsv", "greeting\thello there\nthanks\tthanks!\noos\twhat is the weather\n");
		Path test = tsv("test.tsv", "greeting\thi friend\nthanks\tthank u\noos\tdo you sell cars\n");

		Run run = run("evaluate", "--train", train.toString(), "--val", val.toString(), "--test", test.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Per intent", "Worst confusions", "Threshold trade-off");
		String[] lines = run.out().strip().split("\n");
		assertThat(lines[lines.length - 1]).startsWith("{\"in_scope_accuracy\":")
			.contains("\"macro_f1\":", "\"oos_recall\":", "\"oos_precision\":", "\"threshold\":", "\"train_seconds\":",
					"\"median_us_per_message\":")
			.endsWith("}");
	}

	@Test
	void evaluateNamesAMissingFile() throws IOException {
		Path train = tsv("train.tsv", TRAIN);

		Run run = run("evaluate", "--train", train.toString(), "--test", this.dir.resolve("nope.tsv").toString());

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.err()).contains("nope.tsv: file not found").doesNotContain("Exception", "\tat ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			train | greeting hi                 | train.tsv line 5: expected label<TAB>text but found no tab
			train | \\thi                       | train.tsv line 5: empty label
			train | oos\\tsomething else        | train.tsv line 5: training data must not hold 'oos' lines
			test  | goodbye\\tsee you          | test.tsv line 1: intent 'goodbye' does not occur in the training file
			""")
	void evaluateRejectsBadInputNamingTheFileAndLine(String file, String line, String message) throws IOException {
		String bad = line.replace("\\t", "\t") + "\n";
		Path train = tsv("train.tsv", file.equals("train") ? TRAIN + bad : TRAIN);
		Path test = tsv("test.tsv", file.equals("test") ? bad : "greeting\thi\n");

		Run run = run("evaluate", "--train", train.toString(), "--test", test.toString());

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.err()).contains(message).doesNotContain("Exception", "\tat ");
	}

	private static final String TRAIN = "greeting\thi there\ngreeting\thello\nthanks\tthank you\nthanks\tthanks a lot\n";

	private Path tsv(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = NlpModelsCommand.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(err));
		int exitCode = commandLine.execute(args);
		return new Run(exitCode, out.toString(), err.toString());
	}

	private record Run(int exitCode, String out, String err) {
	}

	private static int execute(String... args) {
		return NlpModelsCommand.commandLine().execute(args);
	}

}
