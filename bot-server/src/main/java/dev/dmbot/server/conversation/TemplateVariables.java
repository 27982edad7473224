package dev.dmbot.server.conversation;

import java.util.Map;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.workbook.ReplyTemplate;

/**
 * What a reply's {@code {{variables}}} are filled from, as one turn leaves the
 * conversation; {@link #render} is the one place a turn fills a template.
 *
 * @param language {@code null} when the reply is not in the customer's language (a
 * guardrail's confirmation)
 */
record TemplateVariables(Map<String, String> attributes, Map<String, String> slots, String state, String intent,
		String language, ExtractedEntities entities) {

	/** The variables of a context after the turn, for a reply in the given language. */
	static TemplateVariables of(ConversationContext after, String intent, String language, ExtractedEntities entities) {
		return new TemplateVariables(after.attributes(), after.flows().slots(), after.state(), intent, language,
				entities);
	}

	String render(String template) {
		return ReplyTemplate.render(template, this.attributes, this.slots, this.state, this.intent, this.language,
				this.entities);
	}

}
