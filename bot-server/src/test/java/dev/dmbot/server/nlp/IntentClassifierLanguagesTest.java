package dev.dmbot.server.nlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntentClassifierLanguagesTest {

	private static final IntentClassifier classifier = new IntentClassifier(NlpProperties.defaults());

	@Test
	void everyLanguageOfTheShippedWorkbookHasAModel() {
		assertThat(classifier.languagesWithModels()).containsExactlyInAnyOrder("en", "pt", "es");
	}

	@ParameterizedTest(name = "{0}: {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			pt | quanto custam os portes para lisboa?     | shipping
			pt | onde está a minha encomenda?             | order_status
			pt | quero devolver o tapete                  | returns
			es | cuánto cuesta el envío a Madrid?         | shipping
			es | dónde está mi pedido?                    | order_status
			es | quiero devolver la alfombra              | returns
			en | how much is shipping to Porto?           | shipping
			""")
	void eachLanguageIsReadByItsOwnModel(String language, String text, String intent) {
		assertThat(classifier.classify(text, language).name()).isEqualTo(intent);
	}

	@Test
	void aLanguageWithoutAModelIsReadByTheEnglishOne() {
		assertThat(classifier.classify("how much is shipping to Porto?", "fr"))
			.isEqualTo(classifier.classify("how much is shipping to Porto?"));
	}

}
