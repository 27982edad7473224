package dev.dmbot.server.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.dmbot.server.accounts.AccountRules;
import dev.dmbot.server.context.ConversationContext;
import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.intake.InboundEvent;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.profile.Profile;
import dev.dmbot.server.profile.ProfileCache;
import dev.dmbot.server.workbook.CompiledRules;
import dev.dmbot.server.workbook.DecisionRequest;

/**
 * The understand step of a turn: the customer's language, their profile's names, the
 * message's intent (counted in {@code bot.intents}) and its entities.
 */
@Component
class MessageInterpreter {

	/**
	 * Intent given to events that carry no text to classify (postbacks, story mentions,
	 * media).
	 */
	static final String NO_TEXT = DecisionRequest.NO_TEXT_INTENT;

	private final LanguageDetector languages;

	private final IntentClassifier classifier;

	private final AccountRules rules;

	private final Entities entities;

	private final ProfileCache profiles;

	private final MeterRegistry meters;

	MessageInterpreter(LanguageDetector languages, IntentClassifier classifier, AccountRules rules, Entities entities,
			ProfileCache profiles, MeterRegistry meters) {
		this.languages = languages;
		this.classifier = classifier;
		this.rules = rules;
		this.entities = entities;
		this.profiles = profiles;
		this.meters = meters;
	}

	Understanding understand(InboundEvent event, ConversationContext known) {
		boolean classifies = DecisionRequest.classifies(event.kind().ruleName(), event.text());
		// An ice breaker's title or a story mention says nothing of the customer's
		// language.
		CompiledRules rules = this.rules.rulesFor(event.accountId());
		DetectedLanguage language = this.languages.detectOrDefault(classifies ? event.text() : null, known.language(),
				this.rules.settingsOf(event.accountId(), rules).defaultLanguage());
		ConversationContext context = withProfile(known).withLanguage(language.code());
		Intent intent = classifies ? this.classifier.classify(event.text(), language.code()) : new Intent(NO_TEXT, 0);
		this.meters.counter("bot.intents", "intent", intent.name()).increment();
		ExtractedEntities found = classifies ? rules.entitiesOf(event.text(), this.entities, language.code())
				: ExtractedEntities.none();
		return new Understanding(language, context, intent, found);
	}

	/**
	 * Fills {@code first_name} and {@code username} from the customer's Instagram profile
	 * when the context lacks them; they are saved with the decision. Attributes already
	 * there (pushed by another system, say) win. Without a profile the context is
	 * unchanged and replies use their default text.
	 */
	private ConversationContext withProfile(ConversationContext context) {
		Map<String, String> attributes = context.attributes();
		if (!this.profiles.enabled() || (attributes.containsKey("first_name") && attributes.containsKey("username"))) {
			return context;
		}
		Profile profile = this.profiles.find(context.accountId(), context.senderId()).orElse(null);
		if (profile == null) {
			return context;
		}
		Map<String, String> merged = new LinkedHashMap<>(profile.attributes());
		merged.putAll(attributes);
		if (merged.equals(attributes)) {
			return context;
		}
		return context.withAttributes(merged);
	}

}
