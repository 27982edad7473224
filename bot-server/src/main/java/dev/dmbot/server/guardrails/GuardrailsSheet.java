package dev.dmbot.server.guardrails;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dmbot.server.workbook.FeatureSheet;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetVocabulary;

/**
 * The Guardrails sheet, which at most one workbook of a set has: opt-out, caps, quiet
 * hours and disclosure (see {@link GuardrailsSheetReader}). Its replies may use the
 * flows' slots.
 */
@Component
@Order(30)
public final class GuardrailsSheet implements FeatureSheet<GuardrailPolicy> {

	@Override
	public Class<GuardrailPolicy> part() {
		return GuardrailPolicy.class;
	}

	@Override
	public boolean holds(Sheet sheet) {
		return GuardrailsSheetReader.holdsGuardrails(sheet);
	}

	@Override
	public GuardrailPolicy read(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return GuardrailsSheetReader.read(workbooks, vocabulary.slots());
	}

}
