package dev.dmbot.server.flows;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dmbot.server.workbook.FeatureSheet;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetVocabulary;

/**
 * The Flows sheets of a workbook set: the questions a flow asks, in order, and how it
 * ends (see {@link FlowsSheetReader}). Their names, states and slots are what the
 * decision tables and the other sheets may name, so they are read first.
 */
@Component
@Order(0)
public final class FlowsSheet implements FeatureSheet<Flows> {

	@Override
	public Class<Flows> part() {
		return Flows.class;
	}

	@Override
	public boolean holds(Sheet sheet) {
		return FlowsSheetReader.holdsFlows(sheet);
	}

	@Override
	public SheetVocabulary name(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		Flows flows = read(workbooks, vocabulary);
		return vocabulary.withFlows(flows.all().stream().map(Flow::name).toList(),
				flows.all().stream().map(Flow::state).toList(), flows.slots());
	}

	@Override
	public Flows read(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return new Flows(FlowsSheetReader.read(workbooks));
	}

}
