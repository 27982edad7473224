package dev.dmbot.server.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import org.springframework.stereotype.Component;

/**
 * Tells which of the configured languages a customer writes in, with OpenNLP's language
 * detector (the {@code langdetect-183} model of {@code opennlp-models-langdetect}).
 * <p>
 * The model needs a sentence or so to be right: on "ok", "👍", "sim" or a name such as
 * "Ana Ribeiro" its guesses are noise. So a message of fewer than three words or
 * {@code bot.nlp.short-message-letters} letters, or one the model cannot place clearly
 * among the configured languages, is decided by the words that belong to one language
 * only ("obrigado", "gracias", "thanks", and letters such as ñ, ã, ç) and, when there are
 * none, keeps the customer's previous language, or the account's default for a new
 * customer. Thread-safe; about a millisecond per message.
 */
@Component
public class LanguageDetector {

	static final String MODEL = "/langdetect-183.bin";

	/** How much the best language's score must exceed the next one's to be believed. */
	private static final double MODEL_MARGIN = 1.2;

	private static final Pattern NOT_WORDS = Pattern
		.compile("https?://\\S+|www\\.\\S+|\\S+@\\S+|@[\\w.]+|#\\w+|\\bLO-\\d+\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

	/** Words of one language only, and none of another, that decide without the model. */
	private static final int UNANIMOUS_WORDS = 2;

	/** Fewer words than this are never given to the model: names, "ok obrigado". */
	private static final int MODEL_MIN_WORDS = 3;

	/**
	 * Words, accents stripped, that belong to one of the three languages the shipped
	 * workbook answers in. Words shared by two of them ("dia", "tarde", "pedido", "no")
	 * are left out on purpose.
	 */
	private static final Map<String, Set<String>> WORDS = Map
		.of("en",
				Set.of("thanks", "thank", "thx", "ty", "hello", "hi", "hey", "hiya", "the", "is", "are", "you", "your",
						"u", "my", "how", "what", "where", "when", "does", "can", "could", "would", "please", "pls",
						"plz", "yes", "yeah", "yep", "bye", "goodbye", "want", "need", "have", "much", "price",
						"shipping", "ship", "order", "deliver", "delivery", "open", "store", "shop", "refund", "return",
						"stock", "available", "cool", "great", "awesome", "morning", "evening", "cheers", "sorry", "of",
						"and", "with", "for", "it", "this", "that", "i", "im", "nope", "sure", "good", "nice"),
				"pt",
				Set.of("obrigado", "obrigada", "obrigadinho", "obrigadao", "obg", "brigado", "brigada", "ola", "oi",
						"bom", "boa", "boas", "noite", "tudo", "sim", "nao", "voces", "voce", "vcs", "tem", "quero",
						"gostava", "minha", "meu", "encomenda", "portes", "tambem", "estao", "fazem", "onde", "qual",
						"quanto", "quantos", "custa", "custam", "preco", "precos", "adeus", "ate", "tchau", "xau",
						"loja", "morada", "beijinhos", "bjs", "pois", "entao", "muito", "muita", "mt", "mto", "fixe",
						"podem", "posso", "pode", "com", "uma", "um", "pelo", "pela", "na", "ao", "isso", "isto",
						"enviam", "entregam", "agradeco", "valeu", "tenho", "estou", "sou", "aceitam", "nada", "ja"),
				"es",
				Set.of("gracias", "grax", "grcs", "hola", "holi", "holis", "buenos", "buenas", "noches", "quiero",
						"tienda", "teneis", "tienen", "tiene", "tengo", "vosotros", "usted", "ustedes", "donde", "cual",
						"cuanto", "cuantos", "cuesta", "cuestan", "precio", "precios", "adios", "hasta", "chao", "muy",
						"mucho", "muchas", "muchos", "muchisimas", "porfa", "estais", "hay", "puedo", "puede", "podeis",
						"el", "los", "las", "lo", "y", "con", "una", "un", "mi", "mis", "necesito", "quisiera", "pero",
						"tambien", "bien", "estoy", "soy", "es", "del", "habeis", "enviais", "aceptais", "ya", "hacen",
						"haceis", "pedi"));

	private final NlpProperties properties;

	private final Map<String, String> iso3ToCode = new HashMap<>();

	private final ThreadLocal<LanguageDetectorME> detector = ThreadLocal
		.withInitial(() -> new LanguageDetectorME(Model.INSTANCE));

	public LanguageDetector(NlpProperties properties) {
		this.properties = properties;
		Set<String> known = Set.of(this.detector.get().getSupportedLanguages());
		for (String code : properties.languages()) {
			String iso3 = Locale.forLanguageTag(code).getISO3Language();
			if (!known.contains(iso3)) {
				throw new IllegalStateException("bot.nlp.languages names " + code + " (" + iso3
						+ "), which the language model " + MODEL + " does not know");
			}
			this.iso3ToCode.put(iso3, code);
		}
	}

	/**
	 * The language to answer a message in.
	 * @param text the message, may be null or empty
	 * @param previous the customer's language so far, null when not known
	 * @param accountId the Instagram account written to, whose default applies to a new
	 * customer
	 */
	public DetectedLanguage detect(String text, String previous, String accountId) {
		return detectOrDefault(text, previous, this.properties.defaultLanguageOf(accountId));
	}

	/**
	 * The language to answer a message in, with the account's default language already
	 * resolved (the account's settings carry it).
	 * @param text the message, may be null or empty
	 * @param previous the customer's language so far, null when not known
	 * @param accountDefault the language of a new customer whose message is too short to
	 * tell
	 */
	public DetectedLanguage detectOrDefault(String text, String previous, String accountDefault) {
		String read = read(text);
		if (read != null) {
			return new DetectedLanguage(read, DetectedLanguage.Source.MESSAGE);
		}
		if (previous != null && this.properties.languages().contains(previous)) {
			return new DetectedLanguage(previous, DetectedLanguage.Source.PREVIOUS);
		}
		return new DetectedLanguage(accountDefault, DetectedLanguage.Source.ACCOUNT_DEFAULT);
	}

	/** The language the message itself shows, or null when it is too short or unclear. */
	String read(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String words = NOT_WORDS.matcher(text).replaceAll(" ");
		long letters = words.codePoints().filter(Character::isLetter).count();
		Map<String, Integer> votes = votes(words);
		String byWords = winner(votes);
		long wordCount = NON_LETTERS.splitAsStream(words).filter((word) -> !word.isEmpty()).count();
		if (letters < this.properties.shortMessageLetters() || wordCount < MODEL_MIN_WORDS) {
			return byWords;
		}
		if (byWords != null && votes.size() == 1 && votes.get(byWords) >= UNANIMOUS_WORDS) {
			// Several words of one language and none of another: the model would only
			// agree, at a hundred times the cost.
			return byWords;
		}
		String byModel = byModel(words);
		if (byModel != null && (byWords == null || byWords.equals(byModel))) {
			return byModel;
		}
		return (byWords != null) ? byWords : byModel;
	}

	private String byModel(String text) {
		Language[] languages = this.detector.get().predictLanguages(text);
		String best = null;
		double bestScore = 0;
		double second = 0;
		for (Language language : languages) {
			String code = this.iso3ToCode.get(language.getLang());
			if (code == null) {
				continue;
			}
			if (best == null) {
				best = code;
				bestScore = language.getConfidence();
			}
			else {
				second = language.getConfidence();
				break;
			}
		}
		return (best != null && bestScore >= second * MODEL_MARGIN) ? best : null;
	}

	/**
	 * How many words of each language the text holds (ñ, ã, ç and the like count too).
	 */
	private static Map<String, Integer> votes(String text) {
		Map<String, Integer> votes = new HashMap<>();
		text.codePoints().forEach((c) -> {
			if (c == 'ñ' || c == 'Ñ' || c == '¿' || c == '¡') {
				votes.merge("es", 1, Integer::sum);
			}
			else if (c == 'ã' || c == 'õ' || c == 'ç' || c == 'Ã' || c == 'Õ' || c == 'Ç') {
				votes.merge("pt", 1, Integer::sum);
			}
		});
		String folded = COMBINING_MARKS
			.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
			.replaceAll("");
		for (String word : NON_LETTERS.split(folded)) {
			if (word.isEmpty()) {
				continue;
			}
			WORDS.forEach((language, own) -> {
				if (own.contains(word)) {
					votes.merge(language, 1, Integer::sum);
				}
			});
		}
		return votes;
	}

	/** The one configured language with the most votes, null on a tie or none. */
	private String winner(Map<String, Integer> votes) {
		String best = null;
		int most = 0;
		boolean tie = false;
		for (Map.Entry<String, Integer> vote : votes.entrySet()) {
			if (!this.properties.languages().contains(vote.getKey())) {
				continue;
			}
			if (vote.getValue() > most) {
				best = vote.getKey();
				most = vote.getValue();
				tie = false;
			}
			else if (vote.getValue() == most) {
				tie = true;
			}
		}
		return tie ? null : best;
	}

	/** The languages messages are told apart in. */
	public List<String> languages() {
		return this.properties.languages();
	}

	/** Loaded once per JVM: the model is 10 MB and immutable. */
	private static final class Model {

		static final LanguageDetectorModel INSTANCE = load();

		private static LanguageDetectorModel load() {
			try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
				if (in == null) {
					throw new IllegalStateException("Language model not found on the classpath at " + MODEL
							+ "; it comes with org.apache.opennlp:opennlp-models-langdetect");
				}
				return new LanguageDetectorModel(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the language model at classpath:" + MODEL, ex);
			}
		}

	}

}
