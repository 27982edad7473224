package dev.dmbot.server.workbook;

import java.time.Clock;
import java.time.Instant;
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

	private final List<FeatureSheet<?>> sheets;

	@Autowired
	public DecisionEngine(RulesProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<FeatureSheet<?>> sheets) {
		// The start is taken before the folder is read, so the log shows both.
		this(System.nanoTime(), WorkbookSource.load(properties), clock.getIfAvailable(Clock::systemUTC),
				sheets.orderedStream().toList());
	}

	DecisionEngine(List<Workbook> workbooks, Clock clock, List<? extends FeatureSheet<?>> sheets) {
		this(CompiledRules.compile(workbooks, clock.instant(), sheets), sheets);
	}

	private DecisionEngine(long startedNanos, List<Workbook> workbooks, Clock clock,
			List<? extends FeatureSheet<?>> sheets) {
		this(workbooks, clock, sheets);
		logger.info("Workbooks read and compiled at start-up in {} ms", (System.nanoTime() - startedNanos) / 1_000_000);
	}

	/**
	 * An engine deciding with {@code rules}; {@link #compile} reads the sheets
	 * {@code sheets}.
	 */
	public DecisionEngine(CompiledRules rules, List<? extends FeatureSheet<?>> sheets) {
		this.live = new AtomicReference<>(rules);
		this.sheets = List.copyOf(sheets);
		logger.info("Decision tables {} compiled (sha-256 {})", rules.version().workbooks(), rules.version().hash());
	}

	/**
	 * Compiles a workbook set with the same features' sheets as the live rules, for an
	 * activation to check and then {@link #activate}.
	 * @throws WorkbookCompileException naming the file, sheet, row and column to fix
	 */
	public CompiledRules compile(List<Workbook> workbooks, Instant compiledAt) {
		return CompiledRules.compile(workbooks, compiledAt, this.sheets);
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
