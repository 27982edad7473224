package dev.dmbot.server.flows;

import java.util.List;
import java.util.Map;

/**
 * A flow has collected all it asks: the makings of a lead.
 *
 * @param flow the flow's name
 * @param slots the flow's slots in the order of its steps
 * @param score the sum of the points the answers earned
 * @param tags the tags the ending adds
 * @param sendLead whether to store the lead and deliver it to the CRM
 * @param escalate whether the score reached the ending's threshold
 * @param team the team an escalation goes to, {@code null} for none
 * @param startedBy the workbook row that started the flow
 */
public record Completion(String flow, Map<String, String> slots, int score, List<String> tags, boolean sendLead,
		boolean escalate, String team, String startedBy) {

	public Completion {
		slots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slots));
		tags = List.copyOf(tags);
	}

}
