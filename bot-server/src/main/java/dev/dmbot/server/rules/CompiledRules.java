package dev.dmbot.server.rules;

import java.util.Map;

import org.kie.api.KieBase;

/**
 * Workbooks compiled once, ready for a session per decision.
 *
 * @param kieBase the compiled rules
 * @param rowsByRule the spreadsheet row of each rule, keyed by
 * {@link #key(String, String)}
 * @param version what was compiled and when
 */
record CompiledRules(KieBase kieBase, Map<String, FiredRow> rowsByRule, RulesVersion version) {

	CompiledRules {
		rowsByRule = Map.copyOf(rowsByRule);
	}

	static String key(String packageName, String ruleName) {
		return packageName + "." + ruleName;
	}

}
