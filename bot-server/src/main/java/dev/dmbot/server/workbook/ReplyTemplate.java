package dev.dmbot.server.workbook;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dmbot.server.entities.ExtractedEntities;

/**
 * Fills the {@code {{variables}}} of a reply cell. {@code {{name|default}}} falls back to
 * the default when the value is unknown, so a customer never sees a literal
 * {@code {{...}}} or an empty gap where a name should be.
 * <p>
 * Known names: {@code first_name}, {@code username} and any {@code attr.<name>} from the
 * contact's attributes, any {@code slot.<name>} a flow filled, {@code state},
 * {@code intent}, {@code language} (the customer's, such as {@code pt}) and the first
 * entity of each kind the message holds: {@code entity.email}, {@code entity.phone},
 * {@code entity.money}, {@code entity.date}, {@code entity.product}.
 */
public final class ReplyTemplate {

	private static final String ENTITY_PREFIX = "entity.";

	public static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*(?:\\|([^}]*))?}}");

	private ReplyTemplate() {
	}

	/**
	 * The reply as the customer reads it.
	 * @param attributes the contact's attributes ({@code first_name} and the like)
	 * @param state the conversation state after the decision
	 * @param intent the intent of the message answered
	 */
	public static String render(String template, Map<String, String> attributes, String state, String intent) {
		return render(template, attributes, Map.of(), state, intent);
	}

	/**
	 * The reply as the customer reads it.
	 * @param attributes the contact's attributes ({@code first_name} and the like)
	 * @param slots the answers the contact gave in flows
	 * @param state the conversation state after the decision
	 * @param intent the intent of the message answered
	 */
	public static String render(String template, Map<String, String> attributes, Map<String, String> slots,
			String state, String intent) {
		return render(template, attributes, slots, state, intent, null, ExtractedEntities.none());
	}

	/**
	 * The reply as the customer reads it.
	 * @param attributes the contact's attributes ({@code first_name} and the like)
	 * @param slots the answers the contact gave in flows
	 * @param state the conversation state after the decision
	 * @param intent the intent of the message answered
	 * @param language the customer's language, null when not known
	 * @param entities what the message answered names
	 */
	public static String render(String template, Map<String, String> attributes, Map<String, String> slots,
			String state, String intent, String language, ExtractedEntities entities) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = name.equals("language") ? language
					: name.startsWith(ENTITY_PREFIX) ? entities.first(name.substring(ENTITY_PREFIX.length()))
							: lookup(name, attributes, slots, state, intent);
			if (value == null || value.isBlank()) {
				value = matcher.group(2) == null ? "" : matcher.group(2).strip();
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		// A variable with no value and no default leaves a double space or a space before
		// punctuation behind.
		return out.toString().replaceAll(" {2,}", " ").replaceAll(" ([,.!?])", "$1").strip();
	}

	private static String lookup(String name, Map<String, String> attributes, Map<String, String> slots, String state,
			String intent) {
		return switch (name) {
			case "state" -> state;
			case "intent" -> intent;
			case "first_name", "username" -> attributes.get(name);
			default -> name.startsWith("attr.") ? attributes.get(name.substring("attr.".length()))
					: name.startsWith("slot.") ? slots.get(name.substring("slot.".length())) : null;
		};
	}

}
