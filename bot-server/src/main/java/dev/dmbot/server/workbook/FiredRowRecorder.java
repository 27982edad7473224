package dev.dmbot.server.workbook;

import java.util.Map;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Tells the decision which spreadsheet rows fired, so a reply can be explained down to
 * the row an analyst edits.
 */
final class FiredRowRecorder extends DefaultAgendaEventListener {

	private final Map<String, FiredRow> rowsByRule;

	private final DecisionSink sink;

	FiredRowRecorder(Map<String, FiredRow> rowsByRule, DecisionSink sink) {
		this.rowsByRule = rowsByRule;
		this.sink = sink;
	}

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		Rule rule = event.getMatch().getRule();
		FiredRow row = this.rowsByRule.get(CompiledRules.key(rule.getPackageName(), rule.getName()));
		if (row != null) {
			this.sink.fired(row);
		}
	}

}
