package dev.dmbot.server.leads;

/**
 * What qualified the lead: a flow by name, a decision-table row, or both.
 *
 * @param flow the lead-qualification flow's name, or null
 * @param rule the workbook row (for example {@code lumen-oak.xlsx!Rules!12}), or null
 */
public record LeadSource(String flow, String rule) {

	public LeadSource {
		flow = blankToNull(flow);
		rule = blankToNull(rule);
		if (flow == null && rule == null) {
			throw new IllegalArgumentException("a lead source needs a flow name or a rule, but both were blank");
		}
	}

	/** What a redelivered event is recognised by, together with the conversation. */
	String key() {
		return this.flow != null ? "flow:" + this.flow : "rule:" + this.rule;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
