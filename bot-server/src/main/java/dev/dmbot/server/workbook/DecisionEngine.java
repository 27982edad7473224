package dev.dmbot.server.workbook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides how to answer an inbound event with the live decision-table workbooks.
 * <p>
 * The workbooks are compiled when the engine is created, on a thread of their own so that
 * the rest of the server starts meanwhile; the first use, or the end of start-up at the
 * latest, waits for them. A broken workbook throws {@link WorkbookCompileException}
 * there, so the server does not start. {@link #decide} is thread-safe. {@link #activate}
 * swaps in another compiled set atomically: a decision that has started finishes on the
 * set it started with.
 */
@Component
public class DecisionEngine implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(DecisionEngine.class);

	private final AtomicReference<CompiledRules> live;

	private final List<FeatureSheet<?>> sheets;

	/** The start-up compile until it is done and taken as the live rules. */
	private volatile FutureTask<CompiledRules> starting;

	@Autowired
	public DecisionEngine(RulesProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<FeatureSheet<?>> sheets) {
		List<FeatureSheet<?>> features = sheets.orderedStream().toList();
		this.live = new AtomicReference<>();
		this.sheets = List.copyOf(features);
		// Compiling takes seconds, mostly the Drools and Java compilers warming up: it
		// runs
		// beside the rest of the start-up. A thread of its own, not a pool's, so that it
		// has
		// the application's class loader, which Drools reads classes and services from.
		// The start is taken before the folder is read, so the log shows both.
		long startedNanos = System.nanoTime();
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		FutureTask<CompiledRules> compile = new FutureTask<>(() -> {
			CompiledRules rules = CompiledRules.compile(WorkbookSource.load(properties), time.instant(), features);
			logger.info("Workbooks read and compiled at start-up in {} ms",
					(System.nanoTime() - startedNanos) / 1_000_000);
			return rules;
		});
		this.starting = compile;
		Thread thread = new Thread(compile, "workbook-compile");
		thread.setDaemon(true);
		thread.start();
	}

	DecisionEngine(List<Workbook> workbooks, Clock clock, List<? extends FeatureSheet<?>> sheets) {
		this(CompiledRules.compile(workbooks, clock.instant(), sheets), sheets);
	}

	/**
	 * An engine deciding with {@code rules}; {@link #compile} reads the sheets
	 * {@code sheets}.
	 */
	public DecisionEngine(CompiledRules rules, List<? extends FeatureSheet<?>> sheets) {
		this.live = new AtomicReference<>(rules);
		this.sheets = List.copyOf(sheets);
		logCompiled(rules);
	}

	private static void logCompiled(CompiledRules rules) {
		logger.info("Decision tables {} compiled (sha-256 {})", rules.version().workbooks(), rules.version().hash());
	}

	/**
	 * Waits, once every other bean is made, for the start-up compile: a broken workbook
	 * stops the start there, before anything is served.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			live();
		}
		catch (WorkbookCompileException ex) {
			// Reported as a bean that could not be made, as when the compile ran inline.
			throw new BeanInitializationException("The workbooks do not compile: " + ex.getMessage(), ex);
		}
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
		return live().decide(request);
	}

	/**
	 * What to answer a comment with; empty unless a row naming {@code comment} in its
	 * Event type fits it (see {@link CompiledRules#decideComment}).
	 */
	public java.util.Optional<Decision> decideComment(DecisionRequest request) {
		return live().decideComment(request);
	}

	/** The workbooks this engine decides with. */
	public RulesVersion activeVersion() {
		return live().version();
	}

	/** The compiled set decisions use right now. */
	public CompiledRules live() {
		CompiledRules rules = this.live.get();
		return (rules != null) ? rules : started();
	}

	/**
	 * Waits for the start-up compile.
	 * @throws WorkbookCompileException as the compile threw it
	 */
	private CompiledRules started() {
		FutureTask<CompiledRules> compile = this.starting;
		if (compile == null) {
			return this.live.get();
		}
		CompiledRules rules;
		try {
			rules = compile.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the workbooks compiled", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		// Only if nothing was activated meanwhile: an activation is newer.
		if (this.live.compareAndSet(null, rules)) {
			logCompiled(rules);
		}
		this.starting = null;
		return this.live.get();
	}

	/** Makes {@code rules} the live rules for every decision that starts from now on. */
	public void activate(CompiledRules rules) {
		this.live.set(rules);
		this.starting = null;
	}

}
