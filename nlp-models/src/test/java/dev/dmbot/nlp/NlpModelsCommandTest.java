package dev.dmbot.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

	private static int execute(String... args) {
		return NlpModelsCommand.commandLine().execute(args);
	}

}
