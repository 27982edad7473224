package dev.dmbot.server.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.dmbot.server.BotServerApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The very first start, with nothing live anywhere yet: workbooks whose own Tests sheet
 * fails do not become version 1, just as workbooks that do not compile do not.
 */
class RulesStartupIT {

	@Test
	void failingTestRowsStopTheFirstStartUpNamingTheRow(@TempDir Path folder) throws IOException {
		Files.write(folder.resolve("lumen-oak.xlsx"),
				TestWorkbooks.shippedWith("G23", "Porto? Delivery takes a week.").bytes());

		assertThatThrownBy(() -> new SpringApplicationBuilder(BotServerApplication.class).run("--server.port=0",
				"--bot.rules.dir=" + folder, "--spring.jmx.enabled=false"))
			.rootCause()
			.isInstanceOf(WorkbookTestsFailedException.class)
			.hasMessageStartingWith("lumen-oak.xlsx, sheet Tests, row 5, column I:");
	}

}
