package dev.dmbot.server.leads;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body POSTed to the CRM: {@code {"event":"lead.qualified","lead":{…}}}. The lead is
 * what the flow found out, without delivery bookkeeping (status, attempts, errors), so
 * every try of one version of a lead sends the same bytes.
 */
final class LeadPayload {

	static final String EVENT = "lead.qualified";

	private LeadPayload() {
	}

	static Map<String, Object> of(Lead lead) {
		Map<String, Object> source = new LinkedHashMap<>();
		if (lead.source().flow() != null) {
			source.put("flow", lead.source().flow());
		}
		if (lead.source().rule() != null) {
			source.put("rule", lead.source().rule());
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", lead.id());
		body.put("accountId", lead.accountId());
		body.put("senderId", lead.senderId());
		body.put("conversationId", lead.conversationId());
		body.put("slots", lead.slots());
		body.put("score", lead.score());
		body.put("tags", lead.tags());
		body.put("source", source);
		body.put("createdAt", lead.createdAt().toString());
		body.put("updatedAt", lead.updatedAt().toString());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", EVENT);
		payload.put("lead", body);
		return payload;
	}

}
