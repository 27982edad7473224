package dev.dmbot.server.conversation;

import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.Intent;

/**
 * What a turn made of the customer's message before deciding anything.
 *
 * @param context the stored context with the profile's names filled in and the language
 * the customer writes in
 * @param intent the message's intent; {@code DecisionRequest.NO_TEXT_INTENT} for events
 * with no text to classify
 * @param entities what the message names (products, e-mail addresses, …)
 */
record Understanding(DetectedLanguage language, ConversationContext context, Intent intent,
		ExtractedEntities entities) {
}
