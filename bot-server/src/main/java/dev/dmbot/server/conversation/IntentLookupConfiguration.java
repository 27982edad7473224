package dev.dmbot.server.conversation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.workbook.IntentLookup;

/**
 * Lends the intent model to the rules where they need it without a message (the test rows
 * of a workbook), so that {@code rules} and {@code nlp} stay unaware of each other.
 */
@Configuration(proxyBeanMethods = false)
class IntentLookupConfiguration {

	@Bean
	IntentLookup intentLookup(IntentClassifier classifier, LanguageDetector languages) {
		return (text, previousLanguage) -> {
			DetectedLanguage language = languages.detect(text, previousLanguage, null);
			Intent intent = classifier.classify(text, language.code());
			return new IntentLookup.ClassifiedIntent(intent.name(), intent.confidence(), language.code());
		};
	}

}
