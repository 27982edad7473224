package dev.dmbot.server.bench;

import java.time.Clock;
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

import dev.dmbot.server.flows.FlowEngine;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.FlowProgress;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.Decision;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.ShippedSheets;

/**
 * Time of one turn of the shipped {@code design_project} flow
 * ({@link Responder#respond}): the decision tables plus the flow engine reading the
 * answer.
 * <p>
 * Workload: six turns cycled, each with the memory a real conversation has at that point:
 * the start from "I want to renovate my flat in Porto, budget 20k" (three slots
 * recognised), a budget typed as "around 15k", a timeline tapped as a quick reply, a
 * name, an e-mail that completes the flow (score, lead), and an FAQ asked mid-flow.
 * Baseline in the same run: the same six requests decided by the tables alone
 * ({@link CompiledRules#decide}), which is what a DM outside a flow costs, so the ratio
 * shows what the flow adds. Sample time, so the report gives the median and the tail.
 * <p>
 * Run from the repository root (about one minute):
 * {@code ./mvnw -q -pl bot-server -am -Pbenchmarks process-test-classes -Djmh.args=FlowTurnBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FlowTurnBenchmark {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private static final String FLOW = "design_project";

	private static final String IN_FLOW = "flow:" + FLOW;

	private CompiledRules rules;

	private Responder responder;

	private List<Turn> turns;

	private int next;

	@Setup
	public void compileWorkbook() {
		this.rules = ShippedSheets.compile(List.of(BenchmarkWorkbooks.shipped()), NOW);
		this.responder = new Responder(new FlowEngine(Clock.fixed(NOW, FlowEngine.DEFAULT_ZONE),
				FlowEngine.DEFAULT_ZONE, FlowEngine.DEFAULT_PHONE_REGION, FlowEngine.DEFAULT_CURRENCY));
		Map<String, String> known = Map.of("project_type", "renovation");
		Map<String, String> almostAll = Map.of("project_type", "renovation", "budget", "15000 EUR", "timeline",
				"as soon as possible", "city", "Porto", "name", "Ana Costa");
		this.turns = List.of(
				new Turn(message("unknown", "I want to renovate my flat in Porto, budget 20k", ""), FlowMemory.EMPTY),
				new Turn(message("pricing", "around 15k", IN_FLOW), at("budget", known)),
				new Turn(request("quick_reply", "unknown", "As soon as possible", "as soon as possible", IN_FLOW),
						at("timeline", Map.of("project_type", "renovation", "budget", "15000 EUR"))),
				new Turn(message("unknown", "Ana Costa", IN_FLOW),
						at("name",
								Map.of("project_type", "renovation", "budget", "15000 EUR", "timeline",
										"as soon as possible", "city", "Porto"))),
				new Turn(message("unknown", "ana.costa@gmail.com", IN_FLOW), at("email", almostAll)), new Turn(
						message("hours_location", "what time do you open on saturday?", IN_FLOW), at("budget", known)));
		for (Turn turn : this.turns) {
			Response response = this.responder.respond(this.rules, turn.request(), turn.memory(), NOW);
			if (!response.hasReply() || response.flowNote() == null) {
				throw new IllegalStateException("the flow did not take " + turn + "; update the benchmark's turns");
			}
		}
	}

	@Benchmark
	public Response flowTurn() {
		Turn turn = nextTurn();
		return this.responder.respond(this.rules, turn.request(), turn.memory(), NOW);
	}

	/** Baseline: the same requests decided by the tables alone. */
	@Benchmark
	public Decision tablesOnly() {
		return this.rules.decide(nextTurn().request());
	}

	private Turn nextTurn() {
		Turn turn = this.turns.get(this.next);
		this.next = (this.next + 1 == this.turns.size()) ? 0 : this.next + 1;
		return turn;
	}

	private static FlowMemory at(String step, Map<String, String> slots) {
		return new FlowMemory(new FlowProgress(FLOW, step, 0, NOW.minusSeconds(120), NOW.minusSeconds(30),
				"lumen-oak.xlsx › Replies › row 32"), slots, Map.of());
	}

	private static DecisionRequest message(String intent, String text, String state) {
		return request("message", intent, text, null, state);
	}

	private static DecisionRequest request(String eventType, String intent, String text, String payload, String state) {
		return new DecisionRequest(eventType, intent, 0.9, text, payload, null, state, Set.of(), 3,
				Map.of("first_name", "Ana"));
	}

	record Turn(DecisionRequest request, FlowMemory memory) {
	}

}
