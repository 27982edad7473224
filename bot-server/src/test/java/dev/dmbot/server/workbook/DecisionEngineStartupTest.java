package dev.dmbot.server.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.dmbot.server.escalationpolicy.EscalationsSheet;
import dev.dmbot.server.flows.FlowsSheet;
import dev.dmbot.server.guardrails.GuardrailsSheet;
import dev.dmbot.server.messengerprofile.ProfileSheet;
import dev.dmbot.server.products.ProductsSheet;

/**
 * The engine as a Spring bean: bound to {@code bot.rules.*}, and a broken workbook stops
 * the application.
 */
class DecisionEngineStartupTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RulesConfig.class);

	@Test
	void startsWithTheWorkbooksOfTheConfiguredFolder(@TempDir Path folder) throws IOException {
		Files.write(folder.resolve("lumen-oak.xlsx"), TestWorkbooks.shipped().bytes());
		Files.write(folder.resolve("~$lumen-oak.xlsx"), new byte[] { 1, 2, 3 });

		this.runner.withPropertyValues("bot.rules.dir=" + folder).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DecisionEngine.class).activeVersion().workbooks())
				.containsExactly("lumen-oak.xlsx");
		});
	}

	@Test
	void aBrokenWorkbookStopsTheApplicationNamingTheCell(@TempDir Path folder) throws IOException {
		Files.write(folder.resolve("lumen-oak.xlsx"), TestWorkbooks.shippedWith("B24", "shiping").bytes());

		this.runner.withPropertyValues("bot.rules.dir=" + folder).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WorkbookCompileException.class)
				.hasMessageStartingWith("lumen-oak.xlsx, sheet Replies, row 24, column B:");
		});
	}

	@Test
	void aDirThatIsNotAFolderIsRejectedWithItsValue() {
		this.runner.withPropertyValues("bot.rules.dir=/no/such/rules").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("/no/such/rules");
		});
	}

	@Test
	void withoutAConfiguredFolderTheRulesFolderBesideTheModuleIsUsed() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DecisionEngine.class).activeVersion().hash())
				.isEqualTo(TestWorkbooks.engine(TestWorkbooks.shipped()).activeVersion().hash());
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RulesProperties.class)
	@Import({ DecisionEngine.class, FlowsSheet.class, EscalationsSheet.class, GuardrailsSheet.class, ProfileSheet.class,
			ProductsSheet.class })
	static class RulesConfig {

	}

}
