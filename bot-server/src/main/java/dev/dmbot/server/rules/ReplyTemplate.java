package dev.dmbot.server.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code {{variables}}} of a reply cell the way the conversation does before
 * sending, so a {@code Tests} row checks the text the customer would read.
 * <p>
 * Kept in step with {@code conversation.ReplyRenderer}, which renders from the stored
 * context; the rules cannot use it without depending on the conversation.
 */
final class ReplyTemplate {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*(?:\\|([^}]*))?}}");

	private ReplyTemplate() {
	}

	static String render(String template, String state, String intent, Map<String, String> attributes) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = lookup(matcher.group(1), state, intent, attributes);
			if (value == null || value.isBlank()) {
				value = (matcher.group(2) != null) ? matcher.group(2).strip() : "";
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString().replaceAll(" {2,}", " ").replaceAll(" ([,.!?])", "$1").strip();
	}

	private static String lookup(String name, String state, String intent, Map<String, String> attributes) {
		return switch (name) {
			case "state" -> state;
			case "intent" -> intent;
			case "first_name", "username" -> attributes.get(name);
			default -> name.startsWith("attr.") ? attributes.get(name.substring("attr.".length())) : null;
		};
	}

}
