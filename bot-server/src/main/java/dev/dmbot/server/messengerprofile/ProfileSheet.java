package dev.dmbot.server.messengerprofile;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dmbot.server.workbook.FeatureSheet;
import dev.dmbot.server.workbook.ParsedWorkbook;
import dev.dmbot.server.workbook.SheetVocabulary;

/**
 * The Ice breakers &amp; menu sheet, which at most one workbook of a set has (see
 * {@link ProfileSheetReader}). Its buttons' payloads are checked against those the
 * decision tables answer.
 */
@Component
@Order(40)
public final class ProfileSheet implements FeatureSheet<MessengerProfile> {

	@Override
	public Class<MessengerProfile> part() {
		return MessengerProfile.class;
	}

	@Override
	public boolean holds(Sheet sheet) {
		return ProfileSheetReader.holdsProfile(sheet);
	}

	@Override
	public MessengerProfile read(List<ParsedWorkbook> workbooks, SheetVocabulary vocabulary) {
		return ProfileSheetReader.read(workbooks, vocabulary.answeredPayloads());
	}

}
