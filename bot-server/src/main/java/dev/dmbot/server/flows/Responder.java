package dev.dmbot.server.flows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.dmbot.server.flows.Answer;
import dev.dmbot.server.flows.Completion;
import dev.dmbot.server.flows.Flow;
import dev.dmbot.server.flows.FlowEngine;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.flows.FlowProgress;
import dev.dmbot.server.flows.FlowTurn;
import dev.dmbot.server.flows.FlowTurn.Kind;
import dev.dmbot.server.flows.Option;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.Decision;
import dev.dmbot.server.workbook.DecisionEngine;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.Experiment;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.workbook.FiredRow;
import dev.dmbot.server.workbook.FollowUp;
import dev.dmbot.server.workbook.QuickReply;
import dev.dmbot.server.workbook.ReplyVariant;
import dev.dmbot.server.workbook.ReplyVariants;
import dev.dmbot.server.workbook.VariantChoice;

/**
 * Answers one event with the decision tables and the flows together, the same way for a
 * live DM, a Tests row and an explanation. Outside a flow the tables decide, and a row
 * may start a flow. Inside one, the message is first an answer to the pending question;
 * what is not (an FAQ asked in passing, a menu button) is answered by the tables and the
 * question asked again. Thread-safe.
 */
public final class Responder {

	/** Intents the conversation answers without repeating the pending question. */
	private static final Set<String> PAUSING_INTENTS = Set.of("goodbye");

	/** Intents after which a flow stops for good: the customer wants no more messages. */
	private static final Set<String> LEAVING_INTENTS = Set.of("opt_out");

	private static final Set<String> SMALL_TALK = Set.of("greeting", "thanks", "goodbye");

	private final FlowEngine flows;

	public Responder(FlowEngine flows) {
		this.flows = flows;
	}

	/** A responder whose flows read dates, phones and money with the default settings. */
	public static Responder withDefaults(java.time.Clock clock) {
		return new Responder(new FlowEngine(clock, FlowEngine.DEFAULT_ZONE, FlowEngine.DEFAULT_PHONE_REGION,
				FlowEngine.DEFAULT_CURRENCY));
	}

	/** Answers with the live rules of {@code engine}. */
	public Response respond(DecisionEngine engine, DecisionRequest request, FlowMemory memory, Instant now,
			VariantChoice variants) {
		return respond(engine.live(), request, memory, now, variants);
	}

	/** Answers with the first wording of any A/B-tested reply. */
	public Response respond(CompiledRules rules, DecisionRequest request, FlowMemory memory, Instant now) {
		return respond(rules, request, memory, now, VariantChoice.FIRST);
	}

	/**
	 * @param memory what the contact's flows left behind so far
	 * @param now the time of the event
	 * @param variants which wording of an A/B-tested reply this person gets
	 */
	public Response respond(CompiledRules rules, DecisionRequest request, FlowMemory memory, Instant now,
			VariantChoice variants) {
		FlowProgress active = memory.active();
		Flow flow = (active != null) ? Flows.of(rules).flow(active.flow()).orElse(null) : null;
		if (active != null && (flow == null || memory.activeAt(now, flow).isEmpty())) {
			// Gone quiet for longer than the flow waits, or the analysts removed the
			// flow:
			// the customer starts afresh, and the tables must not see the old flow's
			// state.
			memory = memory.leave();
			if (request.state().equals(Flow.stateOf(active.flow()))) {
				request = request.withState("");
			}
			flow = null;
		}
		Decision decided = rules.decide(request);
		Experiment experiment = rules.experimentFor(decided).orElse(null);
		Decision localised = decided.in(request.language());
		if (experiment == null) {
			return respond(rules, localised, request, memory, flow, now);
		}
		ReplyVariant variant = experiment.variant(variants.choose(experiment)).orElse(experiment.variants().get(0));
		// A translated cell holds the same wordings (checked at load): the customer gets
		// the one of the same label, in their language.
		String text = (localised.reply() != null && !localised.reply().equals(decided.reply()))
				? ReplyVariants.parse(localised.reply())
					.stream()
					.filter((each) -> each.label().equals(variant.label()))
					.map(ReplyVariant::text)
					.findFirst()
					.orElse(variant.text())
				: variant.text();
		Response response = respond(rules, localised.withReply(text), request, memory, flow, now);
		// A flow may drop the row's words (the row restarts the flow it is in): nothing
		// was
		// shown, so nothing is counted.
		return (response.hasReply() && response.reply().contains(text))
				? response.exposed(new Exposure(experiment.name(), variant.label())) : response;
	}

	private Response respond(CompiledRules rules, Decision decision, DecisionRequest request, FlowMemory memory,
			Flow flow, Instant now) {
		Answer answer = new Answer(request.text(), request.payload(),
				decision.hasReply() && !"unknown".equals(request.intent()), SMALL_TALK.contains(request.intent()),
				request.entities());
		if (flow != null) {
			return continueFlow(flow, decision, request, memory, answer, now);
		}
		Flow starting = (decision.startFlow() != null) ? Flows.of(rules).flow(decision.startFlow()).orElse(null) : null;
		if (starting == null) {
			return fromDecision(decision, memory);
		}
		String startedBy = decision.firedRows().isEmpty() ? null
				: decision.firedRows().get(decision.firedRows().size() - 1).toString();
		FlowTurn turn = this.flows.start(starting, memory, answer, now, startedBy);
		return fromTurn(starting, turn, decision, decision.reply());
	}

	private Response continueFlow(Flow flow, Decision decision, DecisionRequest request, FlowMemory memory,
			Answer answer, Instant now) {
		if (decision.escalate() || LEAVING_INTENTS.contains(request.intent())) {
			// A person takes over, or the customer wants no more messages: the flow ends
			// here.
			Decision leaving = new Decision(decision.reply(), decision.quickReplies(),
					(decision.nextState() != null) ? decision.nextState() : "", decision.addTags(), decision.escalate(),
					decision.firedRows(), null);
			return new Response(leaving.reply(), leaving.quickReplies(), leaving.nextState(), leaving.addTags(),
					leaving.escalate(), leaving.firedRows(), memory.leave(), null, new FlowNote(flow.name(), "left",
							decision.escalate() ? "left, a person takes over" : "left, the customer opted out"));
		}
		FlowTurn turn = this.flows.answer(flow, memory, answer, now);
		if (turn.kind() != Kind.NOT_AN_ANSWER) {
			return fromTurn(flow, turn, decision, null);
		}
		if (PAUSING_INTENTS.contains(request.intent())) {
			return new Response(decision.reply(), decision.quickReplies(), flow.state(), decision.addTags(), false,
					decision.firedRows(), turn.memory(), null,
					new FlowNote(flow.name(), "paused", "paused, asks again later"));
		}
		// The table row that would start this very flow again adds nothing but the
		// question.
		boolean restarting = flow.name().equals(decision.startFlow());
		String reply = restarting ? turn.text() : join(decision.reply(), turn.text());
		List<FiredRow> rows = new ArrayList<>(decision.firedRows());
		stepRow(flow, turn).ifPresent(rows::add);
		return new Response(reply, quickReplies(turn.quickReplies()), flow.state(), decision.addTags(), false, rows,
				turn.memory(), null, new FlowNote(flow.name(), "digressed",
						"answered another question, asked " + pendingStep(turn) + " again"),
				nudge(flow, turn));
	}

	private static Response fromTurn(Flow flow, FlowTurn turn, Decision decision, String leadIn) {
		Set<String> tags = new LinkedHashSet<>(decision.addTags());
		Completion completion = turn.completion();
		if (completion != null) {
			tags.addAll(completion.tags());
			if (completion.escalate() && completion.team() != null) {
				tags.add("team_" + completion.team());
			}
		}
		boolean inFlow = turn.memory().active() != null;
		boolean starting = leadIn != null;
		boolean alreadyDone = turn.kind() == Kind.ALREADY_DONE;
		String nextState = inFlow ? flow.state()
				: (alreadyDone || starting && decision.nextState() != null) ? decision.nextState() : "";
		List<FiredRow> rows = new ArrayList<>(starting ? decision.firedRows() : List.of());
		stepRow(flow, turn).ifPresent(rows::add);
		List<QuickReply> buttons = alreadyDone ? decision.quickReplies() : quickReplies(turn.quickReplies());
		// The row's lead-in introduces questions; without questions it would dangle.
		String reply = alreadyDone ? turn.text() : join(leadIn, turn.text());
		String outcome = (starting && turn.kind() == Kind.ASKED) ? "started"
				: turn.kind().name().toLowerCase(java.util.Locale.ROOT).replace("not_an_answer", "digressed");
		String detail = switch (turn.kind()) {
			case ASKED -> (starting ? "started, asked " : "asked ") + pendingStep(turn);
			case REASKED ->
				"asked " + pendingStep(turn) + " again (attempt " + (turn.memory().active().attempts() + 1) + ")";
			case GAVE_UP -> "gave up after too many answers it could not accept";
			case CANCELLED -> "cancelled by the customer";
			case COMPLETED -> "completed, score " + completion.score() + (completion.escalate() ? ", escalated" : "");
			case ALREADY_DONE -> "not started again, completed recently";
			case NOT_AN_ANSWER -> "answered another question";
		};
		return new Response(reply, buttons, nextState, tags, turn.escalate() || starting && decision.escalate(), rows,
				turn.memory(), completion, new FlowNote(flow.name(), outcome, detail), nudge(flow, turn));
	}

	private static Response fromDecision(Decision decision, FlowMemory memory) {
		return new Response(decision.reply(), decision.quickReplies(), decision.nextState(), decision.addTags(),
				decision.escalate(), decision.firedRows(), memory, null, null, decision.followUp());
	}

	/**
	 * The reminder of the question the flow now waits on, if its step has one: sent
	 * unless the customer answers first.
	 */
	private static FollowUp nudge(Flow flow, FlowTurn turn) {
		FlowProgress active = turn.memory().active();
		if (active == null) {
			return null;
		}
		return flow.step(active.step())
			.filter((step) -> step.nudge() != null)
			.map((step) -> new FollowUp(step.nudgeAfter(), step.nudge()))
			.orElse(null);
	}

	private static java.util.Optional<FiredRow> stepRow(Flow flow, FlowTurn turn) {
		FlowProgress active = turn.memory().active();
		if (active == null) {
			return java.util.Optional.empty();
		}
		return flow.step(active.step()).map((step) -> new FiredRow(flow.workbook(), flow.sheet(), step.row()));
	}

	private static String pendingStep(FlowTurn turn) {
		return turn.memory().active() == null ? "nothing" : turn.memory().active().step();
	}

	private static List<QuickReply> quickReplies(List<Option> options) {
		return options.stream().map((option) -> new QuickReply(option.title(), option.value())).toList();
	}

	private static String join(String first, String second) {
		if (first == null || first.isBlank()) {
			return second;
		}
		return (second == null || second.isBlank()) ? first : first.strip() + "\n\n" + second.strip();
	}

}
