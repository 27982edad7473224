package dev.dmbot.server.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.entities.Found;
import dev.dmbot.server.leads.Lead;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.workbook.DecisionRequest;
import dev.dmbot.server.workbook.Exposure;
import dev.dmbot.server.flows.Response;

/**
 * The facts a reply's trail keeps: what the decision tables matched against, as the
 * playground and explain show it, and the tested wording it carries, for it to be counted
 * once sent.
 */
final class ReplyFacts {

	static final String EXPERIMENT = "experiment";

	static final String VARIANT = "variant";

	private ReplyFacts() {
	}

	static Map<String, String> of(DecisionRequest request, DetectedLanguage language, Response response, Lead lead,
			Handover.Handed handed) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("event", request.eventType());
		facts.put("intent", request.intent());
		facts.put("language", language.toString());
		String entities = describe(request.entities());
		if (!entities.isEmpty()) {
			facts.put("entities", entities);
		}
		facts.put("state", request.state().isEmpty() ? "none" : request.state());
		facts.put("tags", String.join(", ", request.tags()));
		if (request.payload() != null) {
			facts.put("payload", request.payload());
		}
		if (request.referralRef() != null) {
			facts.put("referral", request.referralRef());
		}
		if (request.adId() != null) {
			facts.put("ad", request.adId());
		}
		facts.put("messages", Long.toString(request.inboundCount()));
		if (response.flowNote() != null) {
			facts.put("flow", response.flowNote().toString());
		}
		if (!response.flows().slots().isEmpty()) {
			facts.put("slots", response.flows().slots().toString());
		}
		if (lead != null) {
			facts.put("lead", lead.id() + " (score " + lead.score() + ")");
		}
		Exposure exposure = exposure(response, handed);
		if (exposure != null) {
			facts.put(EXPERIMENT, exposure.experiment());
			facts.put(VARIANT, exposure.variant());
		}
		if (handed != null) {
			facts.put("escalation", handed.escalation().id() + " to " + handed.team() + " ("
					+ handed.escalation().reason() + ", " + handed.escalation().priority() + ")");
		}
		return facts;
	}

	/** The tested wording a trail says its reply carries, {@code null} for none. */
	static Exposure sentWording(Map<String, String> facts) {
		return facts.containsKey(EXPERIMENT) ? new Exposure(facts.get(EXPERIMENT), facts.get(VARIANT)) : null;
	}

	/**
	 * The tested wording the customer reads; none when the handover words replace the
	 * reply.
	 */
	static Exposure exposure(Response response, Handover.Handed handed) {
		return (handed != null && handed.message() != null) ? null : response.exposure();
	}

	/**
	 * The entities of a message as the trail shows them:
	 * {@code product: sofa; email: a@b.pt}.
	 */
	static String describe(ExtractedEntities entities) {
		List<String> parts = new ArrayList<>();
		for (String kind : ExtractedEntities.KINDS) {
			for (Found<?> found : entities.of(kind)) {
				parts.add(kind + ": " + found.text());
			}
		}
		return String.join("; ", parts);
	}

}
