package dev.dmbot.server.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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

import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.Decision;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.ShippedSheets;

/**
 * Time of one decision ({@link CompiledRules#decide}) on the shipped workbook
 * {@code rules/lumen-oak.xlsx}, the step every answered DM takes after its intent is
 * known.
 * <p>
 * Workload: twelve requests cycled in turn, one decision per invocation, as the server
 * builds them: eight text messages (shipping to Porto, shipping elsewhere, greeting,
 * pricing, returns, a complaint that escalates, a booking and a thanks in state
 * {@code flow:design_project}), an ice-breaker postback, a quick reply, a story mention
 * and a message whose intent is {@code unknown}, which only the catch-all row, tried
 * last, answers. Each carries a first name and a tag. Baseline in the same run: the same
 * requests against a one-row workbook (the catch-all row alone), so the ratio shows what
 * the shipped table's 28 rows cost over Drools' fixed cost of a session. For scale, the
 * same requests against the generated 1,000-row table. Sample time, so the report gives
 * the median and the tail of single decisions.
 * <p>
 * Run from the repository root (about two and a half minutes):
 * {@code ./mvnw -q -pl bot-server -am -Pbenchmarks process-test-classes -Djmh.args=DecisionBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class DecisionBenchmark {

	private static final Map<String, String> ATTRIBUTES = Map.of("first_name", "Ana");

	/** What the server hands the rules for events without text to classify. */
	private static final String NO_TEXT = "none";

	static final List<DecisionRequest> REQUESTS = List.of(message("shipping", "how much is shipping to Porto?", ""),
			message("shipping", "how long does delivery to Lisbon take?", ""), message("greeting", "hi there!", ""),
			message("pricing", "how much is the oak side table", ""),
			message("booking", "can we move my consultation to friday?", "flow:design_project"),
			message("returns", "I want to return my order", ""),
			message("complaint", "my lamp arrived broken, this is unacceptable", ""),
			message("thanks", "thanks a lot", "flow:design_project"), event("postback", "ICEBREAKER_SHIPPING"),
			// A quick reply carries its title as text, so the server classifies it too.
			request("quick_reply", "human_agent", 0.9, "Talk to a person", "MENU_HUMAN", ""),
			event("story_mention", null), message("unknown", "asdf qwerty", ""));

	private CompiledRules shipped;

	private CompiledRules oneRow;

	private CompiledRules thousandRows;

	private int next;

	@Setup
	public void compileWorkbooks() {
		this.shipped = compile(BenchmarkWorkbooks.shipped());
		this.oneRow = compile(BenchmarkWorkbooks.generated(1));
		this.thousandRows = compile(BenchmarkWorkbooks.generated(1000));
		for (CompiledRules rules : List.of(this.shipped, this.oneRow, this.thousandRows)) {
			for (DecisionRequest request : REQUESTS) {
				// Every request must reach a row, or the benchmark would time a miss.
				if (!rules.decide(request).hasReply()) {
					throw new IllegalStateException(rules.version().workbooks() + ": no row answers " + request
							+ "; update the benchmark's requests");
				}
			}
		}
	}

	@Benchmark
	public Decision shippedWorkbook() {
		return this.shipped.decide(nextRequest());
	}

	/** Baseline: the same requests, one row. */
	@Benchmark
	public Decision oneRowWorkbook() {
		return this.oneRow.decide(nextRequest());
	}

	/**
	 * For scale, not a target: the same requests against the generated 1,000-row table of
	 * {@link RulesSwapBenchmark}, where they all end on its catch-all row.
	 */
	@Benchmark
	public Decision thousandRowTable() {
		return this.thousandRows.decide(nextRequest());
	}

	private DecisionRequest nextRequest() {
		DecisionRequest request = REQUESTS.get(this.next);
		this.next = (this.next + 1 == REQUESTS.size()) ? 0 : this.next + 1;
		return request;
	}

	private static CompiledRules compile(Workbook workbook) {
		return ShippedSheets.compile(List.of(workbook), Instant.now());
	}

	private static DecisionRequest message(String intent, String text, String state) {
		return request("message", intent, 0.9, text, null, state);
	}

	private static DecisionRequest event(String eventType, String payload) {
		return request(eventType, NO_TEXT, 0, null, payload, "");
	}

	private static DecisionRequest request(String eventType, String intent, double confidence, String text,
			String payload, String state) {
		return new DecisionRequest(eventType, intent, confidence, text, payload, null, state, Set.of("from_ad"), 3,
				ATTRIBUTES);
	}

}
