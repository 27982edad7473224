package dev.dmbot.server.conversation;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.nlp.NlpProperties;
import dev.dmbot.server.workbook.IntentLookup;

import static org.assertj.core.api.Assertions.assertThat;

class IntentLookupConfigurationTest {

	@Test
	void theRulesGetTheIntentAndConfidenceOfTheModel() {
		IntentLookup lookup = new IntentLookupConfiguration().intentLookup(
				new IntentClassifier(NlpProperties.defaults()), new LanguageDetector(NlpProperties.defaults()));

		IntentLookup.ClassifiedIntent shipping = lookup.classify("Do you deliver to Porto?");
		IntentLookup.ClassifiedIntent gibberish = lookup.classify("blorp fizzle");

		assertThat(shipping.name()).isEqualTo("shipping");
		assertThat(shipping.confidence()).isGreaterThan(0.4);
		assertThat(gibberish.name()).isEqualTo("unknown");
	}

}
