package dev.dmbot.server.rules;

import java.time.Clock;
import java.util.List;

import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides how to answer an inbound event from the analysts' decision-table workbooks.
 * <p>
 * The workbooks are compiled once, when the engine is created; a broken workbook throws
 * {@link WorkbookCompileException}, so the server does not start. {@link #decide} is
 * thread-safe: each call runs in a session of its own, and the first matching row of each
 * table wins.
 */
@Component
public class DecisionEngine {

	private static final Logger logger = LoggerFactory.getLogger(DecisionEngine.class);

	private final CompiledRules rules;

	@Autowired
	public DecisionEngine(RulesProperties properties, ObjectProvider<Clock> clock) {
		this(WorkbookSource.load(properties), clock.getIfAvailable(Clock::systemUTC));
	}

	DecisionEngine(List<Workbook> workbooks, Clock clock) {
		this.rules = new DecisionTableCompiler().compile(workbooks, clock.instant());
		logger.info("Decision tables {} compiled (sha-256 {})", this.rules.version().workbooks(),
				this.rules.version().hash());
	}

	/**
	 * What to do about one inbound event; a decision with no reply when no row matches.
	 */
	public Decision decide(DecisionRequest request) {
		DecisionSink sink = new DecisionSink();
		KieSession session = this.rules.kieBase().newKieSession();
		try {
			session.setGlobal("decision", sink);
			session.addEventListener(new FiredRowRecorder(this.rules.rowsByRule(), sink));
			session.insert(new IncomingMessage(request));
			session.fireAllRules();
		}
		finally {
			session.dispose();
		}
		return sink.toDecision();
	}

	/** The workbooks this engine decides with. */
	public RulesVersion activeVersion() {
		return this.rules.version();
	}

}
