package dev.dmbot.server.workbook;

import java.util.List;

/**
 * A stored version with the bytes of its workbooks, enough to compile it again on any
 * instance.
 */
record StoredRuleSet(RuleSetVersion version, List<Workbook> workbooks) {

	StoredRuleSet {
		workbooks = List.copyOf(workbooks);
	}

}
