package dev.dmbot.server.nlp;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NlpPropertiesTest {

	@Test
	void nothingConfiguredMeansDefaultThresholdAndBuiltInModel() {
		NlpProperties properties = bind(Map.of());

		assertThat(properties).isEqualTo(NlpProperties.defaults());
		assertThat(properties.confidenceThreshold()).isEqualTo(0.30);
		assertThat(properties.modelPath()).isNull();
	}

	@Test
	void configuredValuesAreBound() {
		NlpProperties properties = bind(
				Map.of("bot.nlp.confidence-threshold", "0.6", "bot.nlp.model-path", "/srv/models/intent.bin"));

		assertThat(properties).isEqualTo(new NlpProperties(0.6, "/srv/models/intent.bin"));
	}

	@Test
	void languagesAndAccountDefaultsAreBound() {
		NlpProperties properties = bind(Map.of("bot.nlp.default-language", "PT", "bot.nlp.languages", "pt, es, en",
				"bot.nlp.account-languages.17841499999999999", "es", "bot.nlp.short-message-letters", "8"));

		assertThat(properties.languages()).containsExactly("pt", "es", "en");
		assertThat(properties.defaultLanguage()).isEqualTo("pt");
		assertThat(properties.defaultLanguageOf("17841499999999999")).isEqualTo("es");
		assertThat(properties.defaultLanguageOf("17841400000000000")).isEqualTo("pt");
		assertThat(properties.shortMessageLetters()).isEqualTo(8);
		assertThat(bind(Map.of()).languages()).containsExactly("en", "pt", "es");
		assertThatException().isThrownBy(() -> bind(Map.of("bot.nlp.default-language", "fr")))
			.withStackTraceContaining("bot.nlp.default-language is fr, which is not one of bot.nlp.languages");
	}

	@Test
	void blankModelPathMeansTheBuiltInModel() {
		assertThat(new NlpProperties(0.4, " ").modelPath()).isNull();
	}

	@Test
	void thresholdOutsideZeroToOneIsRejectedWithTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NlpProperties(1.5, null))
			.withMessage("bot.nlp.confidence-threshold must be between 0 and 1 but was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> new NlpProperties(Double.NaN, null));
		assertThatException().isThrownBy(() -> bind(Map.of("bot.nlp.confidence-threshold", "-0.1")))
			.withStackTraceContaining("but was -0.1");
	}

	private static NlpProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("bot.nlp", NlpProperties.class);
	}

}
