package dev.dmbot.server.flows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dmbot.server.entities.Validation;
import dev.dmbot.server.flows.FlowTurn.Kind;

/**
 * Runs flows one message at a time. Holds no state of its own: what a customer has
 * answered travels in {@link FlowMemory}, so any server instance can take the next
 * message. Thread-safe.
 */
public final class FlowEngine {

	/** A customer silent this long gets a word of welcome before the pending question. */
	static final Duration PAUSE = Duration.ofHours(1);

	/**
	 * Cancel words count only in short messages: "stop" is a cancel, "will the rain stop"
	 * not.
	 */
	private static final int MAX_CANCEL_WORDS = 5;

	/** The zone, region and currency of a server that configures none: Portugal's. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Lisbon");

	public static final String DEFAULT_PHONE_REGION = "PT";

	public static final String DEFAULT_CURRENCY = "EUR";

	private final SlotReader reader;

	/**
	 * @param clock the source of "today" for relative dates
	 * @param zone the business's time zone
	 * @param phoneRegion ISO 3166 region of phone numbers written without a country code
	 * @param currency ISO 4217 currency of amounts written without one
	 */
	public FlowEngine(Clock clock, ZoneId zone, String phoneRegion, String currency) {
		this.reader = new SlotReader(clock, zone, phoneRegion, currency);
	}

	/**
	 * Starts {@code flow}: skips what is already known, takes what the starting message
	 * answers, and asks the first open question, or completes at once when nothing is
	 * left to ask. A flow completed less than its restart period ago is not started
	 * again.
	 * @param startedBy the workbook row that starts it, kept with the lead
	 */
	public FlowTurn start(Flow flow, FlowMemory memory, Answer message, Instant now, String startedBy) {
		Instant completed = memory.completed().get(flow.name());
		if (completed != null && completed.plus(flow.ending().restartAfter()).isAfter(now)) {
			return new FlowTurn(Kind.ALREADY_DONE, flow.ending().alreadyDone(), List.of(), memory, null, false);
		}
		Map<String, String> slots = new LinkedHashMap<>(memory.slots());
		if (completed != null) {
			// Starting over on purpose: this flow's own answers are asked afresh.
			flow.slots().forEach(slots::remove);
		}
		recogniseOpenSlots(flow, slots, message.text(), message.entities());
		FlowProgress progress = new FlowProgress(flow.name(), null, 0, now, now, startedBy);
		return advance(flow, null, memory, slots, progress, now);
	}

	/**
	 * Takes a message as the answer to the pending question of the flow in
	 * {@code memory}, which must be {@code flow}'s and not yet expired.
	 */
	public FlowTurn answer(Flow flow, FlowMemory memory, Answer message, Instant now) {
		FlowProgress progress = memory.active();
		if (progress == null || !progress.flow().equals(flow.name())) {
			throw new IllegalArgumentException("no " + flow.name() + " flow in progress: " + progress);
		}
		FlowStep step = flow.step(progress.step()).orElse(null);
		Map<String, String> slots = new LinkedHashMap<>(memory.slots());
		if (step == null) {
			// The analysts removed or renamed the step since it was asked: carry on from
			// what is still open.
			return advance(flow, null, memory, slots, progress, now);
		}
		if (cancels(flow, message)) {
			return new FlowTurn(Kind.CANCELLED, flow.ending().cancelReply(), List.of(), memory.leave(), null, false);
		}
		Validation<String> read = this.reader.read(step, message);
		if (read.isValid() && takenAsAnswer(step, message, read.value())) {
			slots.put(step.slot(), read.value());
			recogniseOpenSlots(flow, slots, message.payload() == null ? message.text() : null, message.entities());
			return advance(flow, step, memory, slots, progress, now);
		}
		boolean paused = !progress.lastActivityAt().plus(PAUSE).isAfter(now);
		FlowMemory touched = memory.with(progress.touched(now), slots);
		if (paused) {
			return new FlowTurn(Kind.ASKED, flow.ending().welcomeBack() + "\n\n" + step.ask(), step.options(), touched,
					null, false);
		}
		if (message.answersAnotherQuestion() || message.smallTalk()) {
			return new FlowTurn(Kind.NOT_AN_ANSWER, step.ask(), step.options(), touched, null, false);
		}
		FlowProgress failed = progress.failedOnce(now);
		if (failed.attempts() >= step.attempts()) {
			return new FlowTurn(Kind.GAVE_UP, flow.ending().giveUpReply(), List.of(), memory.leave(), null, true);
		}
		String reason = read.isValid() ? "that is not an answer to my question" : read.reason();
		return new FlowTurn(Kind.REASKED, reask(step, reason), step.options(), memory.with(failed, slots), null, false);
	}

	/**
	 * A free-text question takes anything, so it must not swallow a question asked in
	 * passing ("what time do you open?") or a greeting; a stricter validator already
	 * tells those apart.
	 */
	private static boolean takenAsAnswer(FlowStep step, Answer message, String value) {
		if (step.expect() != Expect.TEXT || message.payload() != null
				|| step.options().stream().anyMatch((option) -> option.value().equals(value))) {
			return true;
		}
		if (message.smallTalk()) {
			return false;
		}
		return !(message.answersAnotherQuestion() && looksLikeQuestion(message.text()));
	}

	private static boolean looksLikeQuestion(String text) {
		return text.contains("?") || Words.of(text).strip().split(" ").length >= 4;
	}

	private static boolean cancels(Flow flow, Answer message) {
		if (message.payload() != null || message.text() == null) {
			return false;
		}
		String words = Words.of(message.text());
		if (words.strip().split(" ").length > MAX_CANCEL_WORDS) {
			return false;
		}
		return flow.ending().cancelWords().stream().anyMatch((word) -> Words.contains(words, word));
	}

	private void recogniseOpenSlots(Flow flow, Map<String, String> slots, String text,
			dev.dmbot.server.entities.ExtractedEntities entities) {
		List<FlowStep> open = flow.steps().stream().filter((step) -> !slots.containsKey(step.slot())).toList();
		this.reader
			.recognise(open, text, (text != null) ? entities : dev.dmbot.server.entities.ExtractedEntities.none())
			.forEach(slots::putIfAbsent);
	}

	/**
	 * Moves on from {@code answered} (the start when {@code null}) to the next open
	 * question.
	 */
	private static FlowTurn advance(Flow flow, FlowStep answered, FlowMemory memory, Map<String, String> slots,
			FlowProgress progress, Instant now) {
		String next = (answered == null) ? flow.steps().get(0).name() : nextAfter(flow, answered, slots);
		// Each step is visited at most once, so a Next cell pointing back cannot loop.
		for (int visited = 0; !FlowStep.DONE.equals(next) && visited <= flow.steps().size(); visited++) {
			FlowStep step = flow.step(next).orElseThrow();
			if (!slots.containsKey(step.slot())) {
				return new FlowTurn(Kind.ASKED, step.ask(), step.options(),
						memory.with(progress.at(step.name(), now), slots), null, false);
			}
			next = nextAfter(flow, step, slots);
		}
		return complete(flow, memory, slots, progress, now);
	}

	private static String nextAfter(Flow flow, FlowStep step, Map<String, String> slots) {
		String value = slots.get(step.slot());
		for (Route route : step.next()) {
			if (route.when().matches(value)) {
				return route.step();
			}
		}
		int index = flow.steps().indexOf(step);
		return (index + 1 < flow.steps().size()) ? flow.steps().get(index + 1).name() : FlowStep.DONE;
	}

	private static FlowTurn complete(Flow flow, FlowMemory memory, Map<String, String> slots, FlowProgress progress,
			Instant now) {
		FlowEnding ending = flow.ending();
		Map<String, String> collected = new LinkedHashMap<>();
		int score = 0;
		for (FlowStep step : flow.steps()) {
			String value = slots.get(step.slot());
			if (value != null) {
				collected.putIfAbsent(step.slot(), value);
				score += step.points(value);
			}
		}
		boolean escalate = ending.escalateAtScore() != null && score >= ending.escalateAtScore();
		String text = (escalate && ending.escalationReply() != null) ? ending.escalationReply() : ending.summary();
		Completion completion = new Completion(flow.name(), collected, score, ending.tags(), ending.sendLead(),
				escalate, ending.team(), progress.startedBy());
		return new FlowTurn(Kind.COMPLETED, text, List.of(), memory.completedAt(flow.name(), now, slots), completion,
				escalate);
	}

	private static String reask(FlowStep step, String reason) {
		// The reason may quote the customer's words; braces there must not read as
		// variables.
		String plainReason = reason.replace("{", "").replace("}", "");
		String template = (step.reask() != null) ? step.reask() : "Sorry, {{reason}}.\n\n" + step.ask();
		return template.replace("{{reason}}", plainReason);
	}

}
