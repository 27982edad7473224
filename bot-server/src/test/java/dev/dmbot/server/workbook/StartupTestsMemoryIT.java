package dev.dmbot.server.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

import dev.dmbot.server.system.EmbeddedRedisServer;

/**
 * A workbook set whose Tests sheets passed under this build is not played again at
 * start-up; changed workbooks, another build, or failing tests are treated as before.
 */
class StartupTestsMemoryIT {

	static EmbeddedRedisServer server;

	static UnifiedJedis redis;

	@TempDir
	Path folder;

	/** The workbook sets the Tests sheets were played for, in order. */
	final List<String> played = new ArrayList<>();

	TestReport outcome = new TestReport(3, List.of());

	@BeforeAll
	static void startRedis() {
		server = new EmbeddedRedisServer();
		redis = RedisClient.builder().hostAndPort("127.0.0.1", server.port()).build();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
		server.close();
	}

	@BeforeEach
	void emptyRedis() {
		redis.flushAll();
	}

	@Test
	void aSecondStartOfTheSameWorkbooksSkipsTheTestsRun() throws IOException {
		Workbook shipped = TestWorkbooks.shipped();
		Files.write(this.folder.resolve("lumen-oak.xlsx"), shipped.bytes());

		start("build-1");
		// A start on a Redis that remembers the pass but has no live version (its
		// versions were cleared): the set goes live again without playing its tests.
		redis.del(WorkbookKeys.ACTIVE);
		RuleSetActivator second = start("build-1");

		assertThat(this.played).containsExactly(DecisionTableCompiler.sha256(List.of(shipped)));
		assertThat(second.current().hash()).isEqualTo(DecisionTableCompiler.sha256(List.of(shipped)));
	}

	@Test
	void aChangedWorkbookIsTestedAgain() throws IOException {
		Files.write(this.folder.resolve("lumen-oak.xlsx"), TestWorkbooks.shipped().bytes());
		start("build-1");
		Workbook changed = TestWorkbooks.shippedWith("G23", "Porto? Delivery takes two days.");
		Files.write(this.folder.resolve("lumen-oak.xlsx"), changed.bytes());
		redis.del(WorkbookKeys.ACTIVE);

		start("build-1");

		assertThat(this.played).hasSize(2).last().isEqualTo(DecisionTableCompiler.sha256(List.of(changed)));
	}

	@Test
	void anotherBuildTestsTheSameWorkbooksAgain() throws IOException {
		Files.write(this.folder.resolve("lumen-oak.xlsx"), TestWorkbooks.shipped().bytes());
		start("build-1");
		redis.del(WorkbookKeys.ACTIVE);

		start("build-2");

		assertThat(this.played).hasSize(2);
	}

	@Test
	void failingTestsAreNotRememberedAndStillStopTheStart() throws IOException {
		Files.write(this.folder.resolve("lumen-oak.xlsx"), TestWorkbooks.shipped().bytes());
		this.outcome = new TestReport(0, List.of(new TestFailure("lumen-oak.xlsx", "Tests", 5, "I", "Porto", "Lisbon",
				"lumen-oak.xlsx, sheet Tests, row 5, column I: expected Porto")));

		assertThatThrownBy(() -> start("build-1")).isInstanceOf(WorkbookTestsFailedException.class);
		assertThatThrownBy(() -> start("build-1")).isInstanceOf(WorkbookTestsFailedException.class);

		assertThat(this.played).hasSize(2);
		assertThat(redis.keys(WorkbookKeys.TESTED + "*")).isEmpty();
		assertThat(redis.get(WorkbookKeys.ACTIVE)).isNull();
	}

	private RuleSetActivator start(String build) {
		RulesProperties properties = new RulesProperties(this.folder, false, Duration.ofMillis(700),
				Duration.ofSeconds(1));
		DecisionEngine engine = new DecisionEngine(WorkbookSource.load(properties), TestWorkbooks.CLOCK,
				dev.dmbot.server.ShippedSheets.all());
		TestsSheetRunner runner = (rules, workbooks) -> {
			this.played.add(DecisionTableCompiler.sha256(workbooks));
			return Optional.of(this.outcome);
		};
		RuleSetActivator activator = new RuleSetActivator(engine, new RuleSetStore(redis), properties,
				provider(TestsSheetRunner.class, runner), new SimpleMeterRegistry(),
				provider(Clock.class, TestWorkbooks.CLOCK), (event) -> {
				}, build);
		activator.synchronise();
		return activator;
	}

	private static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
		return new StaticListableBeanFactory(Map.of(type.getSimpleName(), bean)).getBeanProvider(type);
	}

}
