package dev.dmbot.server.workbooktests;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.dmbot.server.flows.Responder;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.IntentLookup;
import dev.dmbot.server.workbook.TestReport;
import dev.dmbot.server.workbook.TestsSheetRunner;
import dev.dmbot.server.workbook.Workbook;

/**
 * Plays the Tests sheets for an activation with the server's intent model and the
 * responder of live conversations.
 */
@Component
class ConversationTestsRunner implements TestsSheetRunner {

	private final ObjectProvider<IntentLookup> intents;

	private final ObjectProvider<Responder> responder;

	private final Clock clock;

	ConversationTestsRunner(ObjectProvider<IntentLookup> intents, ObjectProvider<Responder> responder,
			ObjectProvider<Clock> clock) {
		this.intents = intents;
		this.responder = responder;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public Optional<TestReport> run(CompiledRules rules, List<Workbook> workbooks) {
		IntentLookup lookup = this.intents.getIfAvailable();
		if (lookup == null) {
			// Only in slices of the application that run without the intent model.
			return Optional.empty();
		}
		return Optional.of(WorkbookTests.run(rules, workbooks, lookup,
				this.responder.getIfAvailable(() -> Responder.withDefaults(this.clock))));
	}

}
