package dev.dmbot.server.nlp;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dmbot.server.nlp.DetectedLanguage.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LanguageDetectorTest {

	private static final String ACCOUNT = "17841400000000000";

	private static final LanguageDetector detector = new LanguageDetector(NlpProperties.defaults());

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			how much is shipping to Porto?                               | en
			do you have the oak side table in grey?                       | en
			I want to renovate my flat in Porto, budget 20k               | en
			where is my order? it's been two weeks                        | en
			quanto custam os portes para Lisboa?                          | pt
			onde está a minha encomenda?                                  | pt
			quero falar com uma pessoa                                    | pt
			tem em cinzento?                                              | pt
			muito obrigada pela ajuda!                                    | pt
			queria marcar uma consulta para remodelar a sala              | pt
			nao recebi nada ainda                                         | pt
			cuánto cuesta el envío a Madrid?                              | es
			donde esta mi pedido                                          | es
			quiero hablar con una persona                                 | es
			lo tenéis en gris?                                            | es
			muchas gracias por la ayuda                                   | es
			quería reservar una cita para reformar el salón               | es
			""")
	void readsTheLanguageOfAMessage(String text, String language) {
		DetectedLanguage detected = detector.detect(text, null, ACCOUNT);

		assertThat(detected).isEqualTo(new DetectedLanguage(language, Source.MESSAGE));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			obrigado      | pt
			olá!          | pt
			bom dia       | pt
			gracias       | es
			hola          | es
			buenos días   | es
			thanks!       | en
			hi there      | en
			""")
	void shortMessagesInWordsOfOneLanguageAreReadToo(String text, String language) {
		assertThat(detector.detect(text, "en", ACCOUNT)).isEqualTo(new DetectedLanguage(language, Source.MESSAGE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ok", "👍", "ok 👍", "?", "Porto", "sofá", "LO-10423", "ana@example.com", "912 345 678",
			"Ana Ribeiro", "José Carvalho", "" })
	void shortOrNeutralMessagesKeepThePersonsPreviousLanguage(String text) {
		assertThat(detector.detect(text, "pt", ACCOUNT)).isEqualTo(new DetectedLanguage("pt", Source.PREVIOUS));
		assertThat(detector.detect(text, "es", ACCOUNT)).isEqualTo(new DetectedLanguage("es", Source.PREVIOUS));
	}

	@Test
	void aNewPersonsShortMessageGetsTheAccountsDefault() {
		LanguageDetector portugueseShop = new LanguageDetector(
				new NlpProperties(0.4, null, "pt", Map.of("17841499999999999", "es"), List.of("en", "pt", "es"), 10));

		assertThat(portugueseShop.detect("ok", null, ACCOUNT))
			.isEqualTo(new DetectedLanguage("pt", Source.ACCOUNT_DEFAULT));
		assertThat(portugueseShop.detect("👍", null, "17841499999999999"))
			.isEqualTo(new DetectedLanguage("es", Source.ACCOUNT_DEFAULT));
		assertThat(detector.detect("ok", null, ACCOUNT)).isEqualTo(new DetectedLanguage("en", Source.ACCOUNT_DEFAULT));
	}

	@Test
	void theAccountsDefaultMayComeResolvedFromItsSettings() {
		assertThat(detector.detectOrDefault("ok", null, "pt"))
			.isEqualTo(new DetectedLanguage("pt", Source.ACCOUNT_DEFAULT));
		assertThat(detector.detectOrDefault("ok", "es", "pt")).isEqualTo(new DetectedLanguage("es", Source.PREVIOUS));
		assertThat(detector.detectOrDefault("ok", "fr", "pt"))
			.isEqualTo(new DetectedLanguage("pt", Source.ACCOUNT_DEFAULT));
	}

	@Test
	void aPreviousLanguageNoLongerConfiguredFallsToTheDefault() {
		assertThat(detector.detect("ok", "fr", ACCOUNT)).isEqualTo(new DetectedLanguage("en", Source.ACCOUNT_DEFAULT));
	}

	@Test
	void onlyTheConfiguredLanguagesAreChosen() {
		LanguageDetector englishAndSpanish = new LanguageDetector(
				new NlpProperties(0.4, null, "en", Map.of(), List.of("en", "es"), 10));

		assertThat(englishAndSpanish.detect("muito obrigada pela ajuda, até amanhã", "es", ACCOUNT).code()).isIn("en",
				"es");
	}

	@Test
	void settingsNameTheBadValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NlpProperties(0.4, null, "pt", Map.of(), List.of("en", "es"), 10))
			.withMessageContaining("bot.nlp.default-language is pt, which is not one of bot.nlp.languages [en, es]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NlpProperties(0.4, null, "en", Map.of("1784", "portuguese"), List.of("en"), 10))
			.withMessageContaining("bot.nlp.account-languages.1784 must be a two-letter ISO 639-1 language code")
			.withMessageContaining("\"portuguese\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NlpProperties(0.4, null, "en", Map.of(), List.of("en", "xx"), 10))
			.withMessageContaining("bot.nlp.languages must be a two-letter ISO 639-1 language code")
			.withMessageContaining("\"xx\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NlpProperties(0.4, null, "en", Map.of(), List.of("en"), -1))
			.withMessageContaining("bot.nlp.short-message-letters must be between 0 and 200 but was -1");
	}

}
