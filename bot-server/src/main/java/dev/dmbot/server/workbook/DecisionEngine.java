package dev.dmbot.server.workbook;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides how to answer an inbound event with the live decision-table workbooks.
 * <p>
 * The workbooks are compiled when the engine is created; a broken workbook throws
 * {@link WorkbookCompileException}, so the server does not start. {@link #decide} is
 * thread-safe. {@link #activate} swaps in another compiled set atomically: a decision
 * that has started finishes on the set it started with.
 */
@Component
public class DecisionEngine {

	private static final Logger logger = LoggerFactory.getLogger(DecisionEngine.class);

	private final AtomicReference<CompiledRules> live;

	@Autowired
	public DecisionEngine(RulesProperties properties, ObjectProvider<Clock> clock) {
		this(WorkbookSource.load(properties), clock.getIfAvailable(Clock::systemUTC));
	}

	DecisionEngine(List<Workbook> workbooks, Clock clock) {
		this(CompiledRules.compile(workbooks, clock.instant()));
	}

	public DecisionEngine(CompiledRules rules) {
		this.live = new AtomicReference<>(rules);
		logger.info("Decision tables {} compiled (sha-256 {})", rules.version().workbooks(), rules.version().hash());
	}

	/**
	 * What to do about one inbound event; a decision with no reply when no row matches.
	 */
	public Decision decide(DecisionRequest request) {
		return this.live.get().decide(request);
	}

	/**
	 * What to answer a comment with; empty unless a row naming {@code comment} in its
	 * Event type fits it (see {@link CompiledRules#decideComment}).
	 */
	public java.util.Optional<Decision> decideComment(DecisionRequest request) {
		return this.live.get().decideComment(request);
	}

	/**
	 * When conversations go to a person, as the live workbooks' Escalations sheet says.
	 */
	public EscalationPolicy escalations() {
		return this.live.get().escalations();
	}

	/**
	 * Opt-out, caps, quiet hours and disclosure, as the live workbooks' Guardrails sheet
	 * says.
	 */
	public GuardrailPolicy guardrails() {
		return this.live.get().guardrails();
	}

	/** The workbooks this engine decides with. */
	public RulesVersion activeVersion() {
		return this.live.get().version();
	}

	/** The compiled set decisions use right now. */
	public CompiledRules live() {
		return this.live.get();
	}

	/** Makes {@code rules} the live rules for every decision that starts from now on. */
	public void activate(CompiledRules rules) {
		this.live.set(rules);
	}

}
