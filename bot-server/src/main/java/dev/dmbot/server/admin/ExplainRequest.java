package dev.dmbot.server.admin;

import java.util.List;
import java.util.Map;

import dev.dmbot.server.platform.events.EventKind;

/**
 * A message to explain, as a customer would send it, with the context it arrives in.
 *
 * @param text what the customer writes; may be empty for a postback or story mention
 * @param event the event type as the decision tables name it; {@code message} when empty
 * @param payload the quick-reply or postback payload, or the referral ref
 * @param state the conversation state; empty for none
 * @param tags the customer's tags
 * @param attributes the customer's attributes, e.g. {@code first_name}
 * @param language the customer's language so far (ISO 639-1, such as {@code pt}), used
 * when the text is too short to tell; empty for a new customer
 */
record ExplainRequest(String text, String event, String payload, String state, List<String> tags,
		Map<String, String> attributes, String language) {

	ExplainRequest {
		event = (event == null || event.isBlank()) ? EventKind.MESSAGE.ruleName() : event.strip();
		state = (state == null) ? "" : state.strip();
		tags = (tags == null) ? List.of() : List.copyOf(tags);
		attributes = (attributes == null) ? Map.of() : Map.copyOf(attributes);
		language = (language == null || language.isBlank()) ? null : language.strip();
	}

}
