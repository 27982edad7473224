package dev.dmbot.server.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of language detection and intent classification ({@code bot.nlp.*}).
 *
 * @param confidenceThreshold the confidence the best intent needs to be acted on (the
 * maxent model's probability for it, lowered when the message holds a word that intent's
 * examples never use); below it the message is {@code unknown}. 0.30 is chosen from
 * held-out data (five 80/20 splits of the shipped examples): it keeps 90% of correct
 * English answers (pt 94%, es 93%) and turns 58% of the wrong ones into {@code unknown}
 * (pt 54%, es 59%), where the plain probability and 0.40 kept 91% and turned 46%.
 * @param modelPath an English model file to use instead of the one built into the
 * nlp-models jar; null or blank for the built-in model
 * @param defaultLanguage the language of a customer whose language is not known yet and
 * whose message is too short to tell ("ok", "👍"); one of {@code languages}
 * @param accountLanguages the default language of some Instagram accounts, by account id,
 * overriding {@code defaultLanguage}; each one of {@code languages}
 * @param languages the languages messages are told apart in, as ISO 639-1 codes: the
 * languages replies are written in. A message in another language counts as the closest
 * of these, or as too uncertain to tell.
 * @param shortMessageLetters messages with fewer letters than this are too short for the
 * language model: only words that belong to one language ("obrigado", "gracias") decide
 * their language, else the customer's previous language, else the account's default
 */
@ConfigurationProperties("bot.nlp")
public record NlpProperties(@DefaultValue(NlpProperties.DEFAULT_CONFIDENCE_THRESHOLD) double confidenceThreshold,
		String modelPath, @DefaultValue("en") String defaultLanguage, Map<String, String> accountLanguages,
		@DefaultValue( {
				"en", "pt", "es" }) List<String> languages,
		@DefaultValue(NlpProperties.DEFAULT_SHORT_MESSAGE_LETTERS) int shortMessageLetters){

	static final String DEFAULT_CONFIDENCE_THRESHOLD = "0.30";

	static final String DEFAULT_SHORT_MESSAGE_LETTERS = "10";

	private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

	@ConstructorBinding
	public NlpProperties {
		// Written as a negated range so NaN is rejected too.
		if (!(confidenceThreshold >= 0.0 && confidenceThreshold <= 1.0)) {
			throw new IllegalArgumentException(
					"bot.nlp.confidence-threshold must be between 0 and 1 but was " + confidenceThreshold);
		}
		if (modelPath != null && modelPath.isBlank()) {
			modelPath = null;
		}
		List<String> codes = new ArrayList<>();
		for (String language : (languages != null) ? languages : List.of("en", "pt", "es")) {
			String code = code(language, "bot.nlp.languages");
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("bot.nlp.languages must name at least one language, such as en");
		}
		languages = List.copyOf(codes);
		defaultLanguage = supported(
				code((defaultLanguage != null) ? defaultLanguage : "en", "bot.nlp.default-language"), languages,
				"bot.nlp.default-language");
		Map<String, String> byAccount = new LinkedHashMap<>();
		if (accountLanguages != null) {
			for (Map.Entry<String, String> entry : accountLanguages.entrySet()) {
				String property = "bot.nlp.account-languages." + entry.getKey();
				byAccount.put(entry.getKey(), supported(code(entry.getValue(), property), languages, property));
			}
		}
		accountLanguages = Map.copyOf(byAccount);
		if (shortMessageLetters < 0 || shortMessageLetters > 200) {
			throw new IllegalArgumentException(
					"bot.nlp.short-message-letters must be between 0 and 200 but was " + shortMessageLetters);
		}
	}

	/** Settings with the given threshold and English model, the rest by default. */
	public NlpProperties(double confidenceThreshold, String modelPath) {
		this(confidenceThreshold, modelPath, "en", Map.of(), List.of("en", "pt", "es"),
				Integer.parseInt(DEFAULT_SHORT_MESSAGE_LETTERS));
	}

	/** The settings used when nothing is configured. */
	public static NlpProperties defaults() {
		return new NlpProperties(Double.parseDouble(DEFAULT_CONFIDENCE_THRESHOLD), null);
	}

	/** The default language of an Instagram account. */
	public String defaultLanguageOf(String accountId) {
		return (accountId != null) ? this.accountLanguages.getOrDefault(accountId, this.defaultLanguage)
				: this.defaultLanguage;
	}

	private static String code(String value, String property) {
		String code = (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
		if (!ISO_LANGUAGES.contains(code)) {
			throw new IllegalArgumentException(property + " must be a two-letter ISO 639-1 language code such as en, pt"
					+ " or es, but was \"" + value + "\"");
		}
		return code;
	}

	private static String supported(String code, List<String> languages, String property) {
		if (!languages.contains(code)) {
			throw new IllegalArgumentException(property + " is " + code + ", which is not one of bot.nlp.languages "
					+ languages + "; add it there or choose one of those");
		}
		return code;
	}

}
