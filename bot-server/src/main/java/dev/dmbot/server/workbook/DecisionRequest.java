package dev.dmbot.server.workbook;

import java.util.Map;
import java.util.Set;

import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.platform.events.EventKind;

/**
 * What the decision tables look at: one inbound event, its intent and the sender's
 * context.
 *
 * @param eventType lowercase event type, one of {@link EventKind#workbookNames()}
 * @param intent the intent name, {@code unknown} below the confidence threshold
 * @param confidence the classifier's confidence in {@code intent}, 0 to 1
 * @param text what the sender typed, may be {@code null} or empty
 * @param payload the quick-reply or postback payload, may be {@code null}
 * @param referralRef the ad or link {@code ref} of a referral, may be {@code null}
 * @param state the conversation state, {@code ""} when none
 * @param tags the sender's tags
 * @param inboundCount how many messages the sender has sent so far, this one included
 * @param attributes the sender's attributes (first name and the like)
 * @param adId the id of the click-to-Direct ad the customer came from, may be
 * {@code null}
 * @param language the ISO 639-1 code of the language to answer in, {@code ""} when not
 * known: replies then come from the fallback Reply column
 * @param entities the e-mail addresses, phone numbers, amounts, dates and products the
 * text holds, extracted once for the rules, the flows and the reply
 */
public record DecisionRequest(String eventType, String intent, double confidence, String text, String payload,
		String referralRef, String state, Set<String> tags, long inboundCount, Map<String, String> attributes,
		String adId, String language, ExtractedEntities entities) {

	/** A request whose language and entities are not known. */
	public DecisionRequest(String eventType, String intent, double confidence, String text, String payload,
			String referralRef, String state, Set<String> tags, long inboundCount, Map<String, String> attributes,
			String adId) {
		this(eventType, intent, confidence, text, payload, referralRef, state, tags, inboundCount, attributes, adId,
				null, null);
	}

	/** A request for an event that did not come from an ad. */
	public DecisionRequest(String eventType, String intent, double confidence, String text, String payload,
			String referralRef, String state, Set<String> tags, long inboundCount, Map<String, String> attributes) {
		this(eventType, intent, confidence, text, payload, referralRef, state, tags, inboundCount, attributes, null);
	}

	/**
	 * The intent of events whose text is not classified: postbacks, story mentions,
	 * media.
	 */
	public static final String NO_TEXT_INTENT = "none";

	/**
	 * Whether an event's text goes to the intent model. A postback's text is the title of
	 * the button tapped, not the customer's words, and media carry no text at all.
	 */
	public static boolean classifies(String eventType, String text) {
		return text != null && !text.isBlank() && !EventKind.POSTBACK.ruleName().equals(eventType);
	}

	public DecisionRequest {
		eventType = (eventType != null) ? eventType : "";
		intent = (intent != null) ? intent : "unknown";
		state = (state != null) ? state : "";
		tags = (tags != null) ? Set.copyOf(tags) : Set.of();
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
		language = (language != null) ? language : "";
		entities = (entities != null) ? entities : ExtractedEntities.none();
	}

	/** The same request in another state. */
	public DecisionRequest withState(String other) {
		return new DecisionRequest(this.eventType, this.intent, this.confidence, this.text, this.payload,
				this.referralRef, other, this.tags, this.inboundCount, this.attributes, this.adId, this.language,
				this.entities);
	}

	/**
	 * Whether the customer arrived from an ad or a link: a referral event, or the first
	 * message of a click-to-Direct ad, which carries the ad's referral inside it.
	 */
	public boolean referred() {
		return EventKind.REFERRAL.ruleName().equals(this.eventType) || this.referralRef != null || this.adId != null;
	}

}
