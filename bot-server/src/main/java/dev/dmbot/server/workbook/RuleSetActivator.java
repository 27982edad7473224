package dev.dmbot.server.workbook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

import dev.dmbot.server.platform.redis.ChannelSubscription;

import dev.dmbot.server.system.TransientException;

/**
 * Makes a workbook set live on every instance. An activation validates and compiles the
 * set, runs the test rows of its workbooks, stores it in Redis as a new version and only
 * then swaps it in; anything that fails leaves the live rules as they were. Every
 * instance follows the version Redis names as active, so an upload to one instance, a
 * save seen by another or a rollback reaches them all within
 * {@code bot.rules.poll-interval}.
 */
@Component
public class RuleSetActivator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RuleSetActivator.class);

	private static final Duration LOCK_TIME = Duration.ofSeconds(60);

	private static final Duration LOCK_PATIENCE = Duration.ofSeconds(20);

	private static final String STARTUP = "startup";

	private final DecisionEngine engine;

	private final RuleSetStore store;

	private final RulesProperties properties;

	private final ObjectProvider<TestsSheetRunner> tests;

	private final MeterRegistry meters;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final MultiGauge activeGauge;

	private final AtomicReference<RuleSetVersion> current = new AtomicReference<>();

	private final String instance = UUID.randomUUID().toString();

	/** This server's build, under which a passed Tests run is remembered. */
	private final String build;

	private volatile Integer unloadableVersion;

	/**
	 * Held while this instance changes which version is live, so the follower never swaps
	 * back to a version it read from Redis just before an activation here.
	 */
	private final Object swapping = new Object();

	private ScheduledExecutorService follower;

	private ChannelSubscription activations;

	private volatile boolean running;

	@Autowired
	RuleSetActivator(DecisionEngine engine, RuleSetStore store, RulesProperties properties,
			ObjectProvider<TestsSheetRunner> tests, MeterRegistry meters, ObjectProvider<Clock> clock,
			ApplicationEventPublisher events) {
		this(engine, store, properties, tests, meters, clock, events, BuildStamp.of(RuleSetActivator.class));
	}

	RuleSetActivator(DecisionEngine engine, RuleSetStore store, RulesProperties properties,
			ObjectProvider<TestsSheetRunner> tests, MeterRegistry meters, ObjectProvider<Clock> clock,
			ApplicationEventPublisher events, String build) {
		this.build = build;
		this.engine = engine;
		this.events = events;
		this.store = store;
		this.properties = properties;
		this.tests = tests;
		this.meters = meters;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.activeGauge = MultiGauge.builder("bot.rules.active")
			.description("1 for the rules version this instance decides with, tagged with its number and hash")
			.register(meters);
	}

	/**
	 * The version live on this instance; {@code null} only while Redis was never reached.
	 */
	public RuleSetVersion current() {
		return this.current.get();
	}

	/**
	 * Adds a workbook to the live set, or replaces the one of the same name, and makes
	 * the result live.
	 * @throws WorkbookCompileException when the set does not compile or a test row fails
	 */
	public RuleSetVersion upload(Workbook workbook, String by) {
		return locked(() -> {
			List<Workbook> set = new ArrayList<>(liveWorkbooks());
			set.removeIf((existing) -> existing.name().equals(workbook.name()));
			set.add(workbook);
			set.sort(Comparator.comparing(Workbook::name));
			return activateLocked(set, by, "upload");
		});
	}

	/**
	 * Makes exactly this set of workbooks live, as read from the rules folder.
	 * @throws WorkbookCompileException when the set does not compile or a test row fails
	 */
	public RuleSetVersion replaceAll(List<Workbook> workbooks, String by) {
		return locked(() -> activateLocked(workbooks, by, "folder"));
	}

	/** Makes an earlier (or later) version live again, in one step. */
	public RuleSetVersion rollback(int number, String by) {
		return locked(() -> {
			StoredRuleSet stored = this.store.load(number).orElseThrow(() -> new UnknownRulesVersionException(number));
			CompiledRules compiled = compile(stored.workbooks(), "rollback");
			synchronized (this.swapping) {
				this.store.activate(number);
				swap(compiled, stored.version());
			}
			log.info("Rules version {} made live again by {}", number, by);
			activated(stored.version(), compiled);
			return stored.version();
		});
	}

	/** Every stored version, newest first. */
	public List<RuleSetVersion> versions() {
		return this.store.versions();
	}

	/** The rows added, removed and changed from version {@code from} to {@code to}. */
	public List<RowChange> diff(int from, int to) {
		StoredRuleSet before = this.store.load(from).orElseThrow(() -> new UnknownRulesVersionException(from));
		StoredRuleSet after = this.store.load(to).orElseThrow(() -> new UnknownRulesVersionException(to));
		return RulesDiff.between(before.workbooks(), after.workbooks());
	}

	/** One workbook of a stored version, as it was uploaded or saved. */
	public Workbook workbook(int number, String name) {
		StoredRuleSet stored = this.store.load(number).orElseThrow(() -> new UnknownRulesVersionException(number));
		return stored.workbooks()
			.stream()
			.filter((workbook) -> workbook.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new UnknownRulesVersionException(number, name));
	}

	private List<Workbook> liveWorkbooks() {
		return this.store.activeNumber().flatMap(this.store::load).map(StoredRuleSet::workbooks).orElseGet(List::of);
	}

	private RuleSetVersion activateLocked(List<Workbook> workbooks, String by, String source) {
		String hash = DecisionTableCompiler.sha256(workbooks);
		RuleSetVersion live = this.current.get();
		if (live != null && live.hash().equals(hash) && this.store.activeNumber().equals(Optional.of(live.number()))) {
			return live;
		}
		CompiledRules compiled = compile(workbooks, source);
		runTests(compiled, workbooks, source);
		RuleSetVersion version = this.store.findByHash(hash)
			.orElseGet(() -> this.store.save(workbooks, hash, by, this.clock.instant()));
		synchronized (this.swapping) {
			this.store.activate(version.number());
			swap(compiled, version);
		}
		log.info("Rules version {} ({}) is live, activated by {} (sha-256 {})", version.number(),
				String.join(", ", version.workbooks()), by, hash);
		activated(version, compiled);
		return version;
	}

	private CompiledRules compile(List<Workbook> workbooks, String source) {
		try {
			return this.engine.compile(workbooks, this.clock.instant());
		}
		catch (WorkbookCompileException ex) {
			rejected(source, ex);
			throw ex;
		}
	}

	/**
	 * The workbooks' own Tests sheets are the analysts' gate: a failing row blocks the
	 * set.
	 */
	private void runTests(CompiledRules compiled, List<Workbook> workbooks, String source) {
		TestsSheetRunner runner = this.tests.getIfAvailable();
		if (runner == null) {
			// Only in slices of the application that run without the conversation.
			return;
		}
		String hash = DecisionTableCompiler.sha256(workbooks);
		if (STARTUP.equals(source) && this.store.passedTests(hash, this.build)) {
			// The same workbooks gave the same answers under this very build: playing
			// them again would only delay the start.
			log.info("Tests sheets of sha-256 {} passed under build {} before; not run again", hash, this.build);
			return;
		}
		try {
			long started = System.nanoTime();
			TestReport report = runner.run(compiled, workbooks).orElse(null);
			if (report == null) {
				return;
			}
			if (!report.allPassed()) {
				throw new WorkbookTestsFailedException(report);
			}
			log.info("Tests sheets of sha-256 {}: {} in {} ms", hash, report.summary(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			this.store.recordPassedTests(hash, this.build, this.clock.instant());
		}
		catch (WorkbookCompileException ex) {
			rejected(source, ex);
			throw ex;
		}
	}

	/**
	 * Tells listeners (the ice-breaker push) after the swap; one that fails is logged and
	 * cannot take back a version that is live.
	 */
	private void activated(RuleSetVersion version, CompiledRules compiled) {
		try {
			this.events.publishEvent(new RulesActivated(version, compiled));
		}
		catch (RuntimeException ex) {
			log.error("Rules version {} is live, but a listener of its activation failed", version.number(), ex);
		}
	}

	private void rejected(String source, RuntimeException ex) {
		this.meters.counter("bot.rules.reload.failures", "source", source).increment();
		log.warn("Rules not activated, the live version keeps serving: {}", ex.getMessage());
	}

	private void swap(CompiledRules compiled, RuleSetVersion version) {
		this.engine.activate(compiled);
		showLive(version);
	}

	private void showLive(RuleSetVersion version) {
		this.current.set(version);
		this.activeGauge.register(List.of(MultiGauge.Row
			.of(Tags.of("version", Integer.toString(version.number()), "hash", version.hash().substring(0, 12)), 1)),
				true);
	}

	private <T> T locked(Supplier<T> action) {
		long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
		while (!this.store.lock(this.instance, LOCK_TIME.toMillis())) {
			if (System.nanoTime() > deadline) {
				throw new RulesBusyException(LOCK_PATIENCE);
			}
			sleep(100);
		}
		try {
			return action.get();
		}
		finally {
			this.store.unlock(this.instance);
		}
	}

	/**
	 * At start-up: the first instance ever stores the workbooks it found as version 1;
	 * later ones take the live version from Redis, unless their folder holds workbooks no
	 * version has seen (edited while no server watched), which then go through the same
	 * checks as a save.
	 */
	void synchronise() {
		List<Workbook> local = WorkbookSource.load(this.properties);
		String localHash = DecisionTableCompiler.sha256(local);
		locked(() -> {
			Optional<Integer> active = this.store.activeNumber();
			if (active.isEmpty()) {
				// Nothing is live anywhere yet: failing test rows stop the start-up, as a
				// workbook that does not compile does.
				runTests(this.engine.live(), local, "startup");
				RuleSetVersion first = this.store.findByHash(localHash)
					.orElseGet(() -> this.store.save(local, localHash, "startup", this.clock.instant()));
				this.store.activate(first.number());
				showLive(first);
				log.info("Rules version {} ({}) stored as the first live version", first.number(),
						String.join(", ", first.workbooks()));
				activated(first, this.engine.live());
				return null;
			}
			RuleSetVersion live = this.store.version(active.get()).orElseThrow();
			if (live.hash().equals(localHash)) {
				showLive(live);
				// A restart of the instance that activated it: listeners skip what is
				// already done, and finish what a crash interrupted.
				activated(live, this.engine.live());
			}
			else if (this.store.findByHash(localHash).isEmpty() && activatesCleanly(local)) {
				activateLocked(local, "startup", "startup");
			}
			else {
				follow();
			}
			return null;
		});
	}

	private boolean activatesCleanly(List<Workbook> local) {
		try {
			runTests(this.engine.live(), local, "startup");
			return true;
		}
		catch (WorkbookCompileException ex) {
			return false;
		}
	}

	/** Takes up the version Redis names as live when another instance activated it. */
	void follow() {
		synchronized (this.swapping) {
			followLocked();
		}
	}

	private void followLocked() {
		Optional<Integer> active = this.store.activeNumber();
		RuleSetVersion live = this.current.get();
		if (active.isEmpty() || (live != null && live.number() == active.get())
				|| active.get().equals(this.unloadableVersion)) {
			return;
		}
		StoredRuleSet stored = this.store.load(active.get()).orElse(null);
		if (stored == null) {
			return;
		}
		try {
			swap(this.engine.compile(stored.workbooks(), this.clock.instant()), stored.version());
			log.info("Rules version {} ({}) activated by {} is now live here", stored.version().number(),
					String.join(", ", stored.version().workbooks()), stored.version().activatedBy());
		}
		catch (WorkbookCompileException ex) {
			// Only a server of another release can store what this one cannot compile.
			this.unloadableVersion = active.get();
			log.error("Rules version {} cannot be compiled by this instance; it keeps serving version {}: {}",
					active.get(), live == null ? "from start-up" : live.number(), ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.running = true;
		try {
			long started = System.nanoTime();
			synchronise();
			log.info("Rules version agreed with Redis in {} ms",
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (JedisException | TransientException ex) {
			log.warn("Cannot reach Redis to agree on the rules version; serving the workbooks found at start-up "
					+ "until it is back: {}", ex.getMessage());
		}
		this.follower = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "rules-follower");
			thread.setDaemon(true);
			return thread;
		});
		long period = this.properties.pollInterval().toMillis();
		this.follower.scheduleWithFixedDelay(this::followQuietly, period, period, TimeUnit.MILLISECONDS);
		// An activation elsewhere is announced; the poll remains for what an announcement
		// cannot cover (a release that does not announce, a message lost in a reconnect).
		this.activations = this.store.onActivation(this::followSoon);
	}

	private void followSoon() {
		ScheduledExecutorService current = this.follower;
		if (current != null && !current.isShutdown()) {
			try {
				current.execute(this::followQuietly);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// Stopping.
			}
		}
	}

	private void followQuietly() {
		try {
			if (this.current.get() == null) {
				synchronise();
			}
			else {
				follow();
			}
		}
		catch (JedisException | TransientException ex) {
			log.debug("Rules version check skipped: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Rules version check failed", ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.activations != null) {
			this.activations.close();
		}
		if (this.follower != null) {
			this.follower.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Agree on the rules before the web server and the intake workers start.
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
