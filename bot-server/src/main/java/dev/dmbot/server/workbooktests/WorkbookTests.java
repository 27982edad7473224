package dev.dmbot.server.workbooktests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.flows.FlowEngine;
import dev.dmbot.server.flows.FlowMemory;
import dev.dmbot.server.workbook.IntentLookup.ClassifiedIntent;
import dev.dmbot.server.workbook.TestTurn.Expected;
import dev.dmbot.server.escalationpolicy.EscalationFacts;
import dev.dmbot.server.escalationpolicy.EscalationPolicy;
import dev.dmbot.server.escalationpolicy.EscalationRoute;
import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.flows.Response;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.IntentLookup;
import dev.dmbot.server.workbook.ReplyTemplate;
import dev.dmbot.server.workbook.TestFailure;
import dev.dmbot.server.workbook.TestReport;
import dev.dmbot.server.workbook.TestTurn;
import dev.dmbot.server.workbook.TestsSheet;
import dev.dmbot.server.workbook.Workbook;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.platform.events.EventKind;

/**
 * Runs the {@code Tests} sheets of workbooks against compiled rules: each row is one
 * event of a conversation, turned into a {@link DecisionRequest} exactly as the
 * conversation turns a real DM into one, and its expectations are checked against the
 * decision.
 * <p>
 * Consecutive rows with the same conversation name share what a real conversation shares:
 * the state and tags one turn leaves are there for the next, and so are the attributes. A
 * workbook without a Tests sheet has no tests.
 */
public final class WorkbookTests {

	/** The tag the conversation adds to a customer whose conversation is escalated. */
	static final String ESCALATED_TAG = "needs_human";

	private static final int SHOWN_REPLY_LENGTH = 120;

	/** Entities are read with the flows' default zone, phone region and currency. */
	private static final Entities PARSERS = Entities.of(Clock.systemUTC(), FlowEngine.DEFAULT_ZONE,
			FlowEngine.DEFAULT_PHONE_REGION, FlowEngine.DEFAULT_CURRENCY);

	private WorkbookTests() {
	}

	/**
	 * Runs every test turn of {@code workbooks} with {@code rules}.
	 * @param rules the compiled rules to check, usually compiled from {@code workbooks}
	 * @param workbooks the workbooks whose Tests sheets to run
	 * @param intents the intent model the turns' text is classified with
	 * @return the passed count and every failed expectation, located to its cell
	 * @throws WorkbookCompileException when a Tests sheet cannot be read, naming the cell
	 */
	public static TestReport run(CompiledRules rules, List<Workbook> workbooks, IntentLookup intents) {
		return run(rules, workbooks, intents, Responder.withDefaults(Clock.systemUTC()));
	}

	/**
	 * Runs every test turn of {@code workbooks} with {@code rules}, flows answered by
	 * {@code responder} as in live conversations. Turns of one conversation are a minute
	 * apart.
	 */
	public static TestReport run(CompiledRules rules, List<Workbook> workbooks, IntentLookup intents,
			Responder responder) {
		List<TestTurn> turns = new ArrayList<>();
		workbooks.forEach((workbook) -> turns.addAll(TestsSheet.read(workbook)));
		int passed = 0;
		List<TestFailure> failures = new ArrayList<>();
		Customer customer = null;
		TestTurn previous = null;
		for (TestTurn turn : turns) {
			if (customer == null || !turn.continues(previous)) {
				customer = new Customer();
			}
			List<TestFailure> missed = customer.take(turn, rules, intents, responder);
			if (missed.isEmpty()) {
				passed++;
			}
			failures.addAll(missed);
			previous = turn;
		}
		return new TestReport(passed, failures);
	}

	/** What the conversation remembers about one customer from turn to turn. */
	private static final class Customer {

		private String state = "";

		private final Set<String> tags = new LinkedHashSet<>();

		private final Map<String, String> attributes = new LinkedHashMap<>();

		private long inboundCount;

		private FlowMemory flows = FlowMemory.EMPTY;

		private long unknownStreak;

		/**
		 * The row whose turn handed the conversation to a person; 0 while the bot has it.
		 */
		private int escalatedAt;

		private Instant now;

		/** The language of the conversation so far, as a live one remembers it. */
		private String language;

		List<TestFailure> take(TestTurn turn, CompiledRules rules, IntentLookup intents, Responder responder) {
			if (turn.state() != null) {
				this.state = turn.state();
			}
			this.tags.addAll(turn.tags());
			this.attributes.putAll(turn.attributes());
			// As the conversation does: postbacks are never classified, and an event
			// without text has the intent "none".
			boolean classifies = DecisionRequest.classifies(turn.event(), turn.text());
			ClassifiedIntent intent = classifies ? intents.classify(turn.text(), this.language)
					: new ClassifiedIntent(DecisionRequest.NO_TEXT_INTENT, 0);
			if (intent.language() != null) {
				this.language = intent.language();
			}
			ExtractedEntities found = classifies ? rules.entitiesOf(turn.text(), PARSERS, this.language)
					: ExtractedEntities.none();
			boolean referral = turn.event().equals(EventKind.REFERRAL.ruleName());
			EscalationPolicy escalations = EscalationPolicy.of(rules);
			this.now = (this.now != null) ? this.now.plus(Duration.ofMinutes(1)) : duringWorkingHours(escalations);
			if (this.escalatedAt > 0) {
				// A person has the conversation: the bot says nothing until they hand it
				// back.
				return check(turn, intent, null, false, " (a person has had the conversation since row "
						+ this.escalatedAt + ", so the bot stays silent)");
			}
			Response decision = responder.respond(rules,
					new DecisionRequest(turn.event(), intent.name(), intent.confidence(), turn.text(),
							referral ? null : turn.payload(), referral ? turn.payload() : null, this.state, this.tags,
							++this.inboundCount, this.attributes, null, this.language, found),
					this.flows, this.now);
			this.flows = decision.flows();
			if (decision.nextState() != null) {
				this.state = decision.nextState();
			}
			this.tags.addAll(decision.addTags());
			// A flow's answers ("Porto", "Ana Costa") are understood whatever their
			// intent.
			this.unknownStreak = ("unknown".equals(intent.name()) && decision.flowNote() == null)
					? this.unknownStreak + 1 : 0;
			// As the conversation hands over: the Escalations sheet routes, and its words
			// replace the reply.
			Optional<EscalationRoute> route = escalations
				.route(new EscalationFacts(intent.name(), turn.text(), this.tags, this.unknownStreak,
						decision.flowNote() != null && "gave_up".equals(decision.flowNote().outcome()),
						(decision.completion() != null) ? decision.completion().score() : null, decision.escalate()));
			boolean escalated = route.isPresent() || decision.escalate();
			String template = decision.reply();
			if (escalated) {
				this.escalatedAt = turn.row();
				this.tags.add(ESCALATED_TAG);
				String message = route.map((r) -> r.customerMessage(escalations.hours(), this.now, this.language))
					.orElse(null);
				if (message != null) {
					template = message;
				}
			}
			String reply = (template != null && !template.isBlank()) ? ReplyTemplate.render(template, this.attributes,
					this.flows.slots(), this.state, intent.name(), this.language, found) : null;
			String answeredBy = answeredBy(decision, route.orElse(null));
			return check(turn, intent, reply, escalated, answeredBy);
		}

		/**
		 * Turns are played on a Wednesday at 11:00 in the Escalations sheet's zone, so a
		 * handover reads as it does when the team is in, whenever the tests run.
		 */
		private static Instant duringWorkingHours(EscalationPolicy escalations) {
			java.time.ZonedDateTime now = Instant.now().atZone(escalations.hours().zone());
			return now.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.WEDNESDAY))
				.with(java.time.LocalTime.of(11, 0))
				.toInstant();
		}

		private List<TestFailure> check(TestTurn turn, ClassifiedIntent intent, String reply, boolean escalated,
				String answeredBy) {
			List<TestFailure> failures = new ArrayList<>();
			Expected expected = turn.intent();
			if (expected != null && !expected.value().equalsIgnoreCase(intent.name())) {
				failures.add(failure(turn, expected, intent.name(),
						"expected intent \"" + expected.value() + "\", got \"" + intent.name() + "\" (confidence "
								+ String.format(Locale.ROOT, "%.2f", intent.confidence()) + ")"));
			}
			expected = turn.replyContains();
			if (expected != null) {
				if (TestTurn.NO_REPLY.equals(expected.value())) {
					if (reply != null) {
						failures.add(failure(turn, expected, reply,
								"expected no reply, got \"" + abbreviate(reply) + "\"" + answeredBy));
					}
				}
				else if (reply == null) {
					failures.add(failure(turn, expected, TestTurn.NO_REPLY,
							"expected a reply containing \"" + expected.value() + "\", got no reply" + answeredBy));
				}
				else if (!reply.toLowerCase(Locale.ROOT).contains(expected.value().toLowerCase(Locale.ROOT))) {
					failures.add(failure(turn, expected, reply, "expected the reply to contain \"" + expected.value()
							+ "\", got \"" + abbreviate(reply) + "\"" + answeredBy));
				}
			}
			expected = turn.nextState();
			if (expected != null && !expected.value().equals(this.state)) {
				failures.add(failure(turn, expected, shownState(this.state), "expected next state "
						+ shownState(expected.value()) + ", got " + shownState(this.state) + answeredBy));
			}
			expected = turn.escalate();
			String escalate = escalated ? "yes" : "no";
			if (expected != null && !expected.value().equals(escalate)) {
				failures.add(failure(turn, expected, escalate,
						"expected escalate " + expected.value() + ", got " + escalate + answeredBy));
			}
			return failures;
		}

		private static String answeredBy(Response decision, EscalationRoute route) {
			String handedOver = (route != null) ? "handed over by " + route.row().sheet() + " row " + route.row().row()
					: null;
			if (decision.firedRows().isEmpty()) {
				return (handedOver != null) ? " (" + handedOver + ")" : " (no row matched)";
			}
			List<String> rows = decision.firedRows().stream().map((row) -> row.sheet() + " row " + row.row()).toList();
			return " (from " + String.join(", ", rows) + ((handedOver != null) ? ", " + handedOver : "") + ")";
		}

		private static String shownState(String state) {
			return state.isEmpty() ? "none" : "\"" + state + "\"";
		}

		private static String abbreviate(String reply) {
			String line = reply.replaceAll("\\s+", " ");
			if (line.codePointCount(0, line.length()) <= SHOWN_REPLY_LENGTH) {
				return line;
			}
			// Whole code points, so an emoji is never cut in half.
			return line.substring(0, line.offsetByCodePoints(0, SHOWN_REPLY_LENGTH - 1)) + "…";
		}

		private static TestFailure failure(TestTurn turn, Expected expected, String actual, String problem) {
			String message = turn.workbook() + ", sheet " + turn.sheet() + ", row " + turn.row() + ", column "
					+ expected.column() + ": " + problem;
			return new TestFailure(turn.workbook(), turn.sheet(), turn.row(), expected.column(), expected.value(),
					actual, message);
		}

	}

}
