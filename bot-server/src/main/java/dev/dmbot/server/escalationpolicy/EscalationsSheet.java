package dev.dmbot.server.escalationpolicy;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dmbot.server.workbook.FeatureSheet;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetVocabulary;

/**
 * The Escalations sheet, which at most one workbook of a set has: when a conversation
 * goes to a person, and the working hours (see {@link EscalationsSheetReader}). Its
 * messages may use the flows' slots.
 */
@Component
@Order(20)
public final class EscalationsSheet implements FeatureSheet<EscalationPolicy> {

	@Override
	public Class<EscalationPolicy> part() {
		return EscalationPolicy.class;
	}

	@Override
	public boolean holds(Sheet sheet) {
		return EscalationsSheetReader.holdsEscalations(sheet);
	}

	@Override
	public EscalationPolicy read(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return EscalationsSheetReader.read(workbooks, vocabulary.slots());
	}

}
