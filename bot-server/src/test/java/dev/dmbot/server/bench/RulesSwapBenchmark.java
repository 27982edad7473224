package dev.dmbot.server.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
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
import org.slf4j.LoggerFactory;

import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.Decision;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.ShippedSheets;

/**
 * Time to make a new decision table live: {@link CompiledRules#compile} (read the
 * workbook, check every cell, generate and compile the rules with Drools) then
 * {@link DecisionEngine#activate} on an engine that is serving other rules, then the
 * first decision on the new rules, which proves they answer.
 * <p>
 * Workload: a Replies table of 1,000 rows generated in memory with the shipped layout
 * (999 distinct catalogue rows, each a material and piece as keywords plus a SKU, one of
 * ten intent and state combinations, a reply of about 200 characters with
 * {@code {{first_name|there}}}, two quick replies, a next state and a tag, a tenth of
 * them escalating; then a catch-all row). Generated once per trial; only compiling and
 * swapping are timed. Baseline in the same run: the shipped {@code rules/lumen-oak.xlsx}
 * (28 rows) compiled and swapped the same way. Single shot, several measured shots after
 * warm-up ones, in one fork: the report gives the median shot.
 * <p>
 * Run from the repository root (about a minute):
 * {@code ./mvnw -q -pl bot-server -am -Pbenchmarks process-test-classes -Djmh.args=RulesSwapBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 9)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RulesSwapBenchmark {

	private static final DecisionRequest CATALOGUE_QUESTION = new DecisionRequest("message", "pricing", 0.9,
			"how much is the walnut mirror?", null, null, "", Set.of(), 1, Map.of("first_name", "Ana"));

	private Workbook thousandRows;

	private Workbook shipped;

	private DecisionEngine engine;

	@Setup
	public void generate() {
		// The engine logs every set it starts with; keep JMH's report readable.
		((Logger) LoggerFactory.getLogger(DecisionEngine.class)).setLevel(Level.WARN);
		this.thousandRows = BenchmarkWorkbooks.generated(1000);
		this.shipped = BenchmarkWorkbooks.shipped();
		this.engine = new DecisionEngine(ShippedSheets.compile(List.of(BenchmarkWorkbooks.generated(1)), Instant.now()),
				ShippedSheets.all());
	}

	@Benchmark
	public Decision thousandRowTable() {
		return swapIn(this.thousandRows);
	}

	/** Baseline: the shipped workbook. */
	@Benchmark
	public Decision shippedWorkbook() {
		return swapIn(this.shipped);
	}

	private Decision swapIn(Workbook workbook) {
		this.engine.activate(ShippedSheets.compile(List.of(workbook), Instant.now()));
		Decision first = this.engine.decide(CATALOGUE_QUESTION);
		if (!first.hasReply()) {
			throw new IllegalStateException(workbook.name() + " did not answer " + CATALOGUE_QUESTION);
		}
		return first;
	}

}
