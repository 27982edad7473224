package dev.dmbot.server.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.dmbot.server.entities.Entities;
import dev.dmbot.server.entities.ExtractedEntities;
import dev.dmbot.server.entities.Product;
import dev.dmbot.server.entities.ProductCatalog;
import dev.dmbot.server.flows.FlowEngine;
import dev.dmbot.server.nlp.DetectedLanguage;
import dev.dmbot.server.nlp.Intent;
import dev.dmbot.server.nlp.IntentClassifier;
import dev.dmbot.server.nlp.LanguageDetector;
import dev.dmbot.server.nlp.NlpProperties;

/**
 * What reading a message costs before the decision tables see it: its language, its
 * intent by the model of that language, and its entities.
 * <p>
 * Workload: twelve customer DMs cycled in turn, four in each of English, Portuguese and
 * Spanish, short ("obrigado", "👍", "ok") and long, some naming a product, an amount, a
 * date or an e-mail address. Baseline in the same run: the intent alone with the English
 * model, which is all the server did per message before languages. Then: language and
 * intent together (the server's path now); and the entities (e-mail, phone, money, dates
 * and the ten products of a Products sheet). Sample time, so the report gives the median
 * and the tail.
 * <p>
 * Run from the repository root (about a minute and a half):
 * {@code ./mvnw -q -pl bot-server -am -Pbenchmarks process-test-classes -Djmh.args=LanguageBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class LanguageBenchmark {

	static final List<String> MESSAGES = List.of("how much is shipping to Porto?",
			"I want to renovate my flat in Porto, budget 20k, start next month", "thanks a lot!", "ok",
			"Quanto custam os portes para Lisboa?", "queria marcar uma consulta para amanhã, o meu email é ana@sapo.pt",
			"obrigado", "👍", "¿Cuánto cuesta el envío a Madrid?", "¿tenéis la mesita de roble en gris? unos 150 €",
			"muchas gracias", "donde esta mi pedido LO-10423");

	private IntentClassifier classifier;

	private LanguageDetector languages;

	private Entities entities;

	private ProductCatalog products;

	private int next;

	@Setup
	public void loadModels() {
		this.classifier = new IntentClassifier(NlpProperties.defaults());
		this.languages = new LanguageDetector(NlpProperties.defaults());
		this.entities = Entities.of(java.time.Clock.systemUTC(), FlowEngine.DEFAULT_ZONE,
				FlowEngine.DEFAULT_PHONE_REGION, FlowEngine.DEFAULT_CURRENCY);
		this.products = new ProductCatalog(
				List.of(new Product("oak side table", List.of("side table", "mesa de apoio", "mesita de roble")),
						new Product("walnut dining table", List.of("mesa de jantar", "mesa de comedor")),
						new Product("linen sofa", List.of("sofa", "sofá de linho", "sofá de lino")),
						new Product("velvet armchair", List.of("armchair", "cadeirão", "sillón")),
						new Product("wool rug", List.of("rug", "tapete", "alfombra")),
						new Product("linen cushion", List.of("cushion", "almofada", "cojín")),
						new Product("ceramic lamp", List.of("lamp", "candeeiro", "lámpara")),
						new Product("soy candle", List.of("candle", "vela", "velas")),
						new Product("oak mirror", List.of("mirror", "espelho", "espejo")),
						new Product("linen duvet cover", List.of("duvet cover", "capa de edredão", "funda nórdica"))));
	}

	private String nextMessage() {
		String message = MESSAGES.get(this.next);
		this.next = (this.next + 1) % MESSAGES.size();
		return message;
	}

	@Benchmark
	public Intent intentAloneBaseline() {
		return this.classifier.classify(nextMessage());
	}

	@Benchmark
	public Intent languageThenIntent() {
		String message = nextMessage();
		DetectedLanguage language = this.languages.detect(message, "en", null);
		return this.classifier.classify(message, language.code());
	}

	@Benchmark
	public ExtractedEntities entities() {
		String message = nextMessage();
		return this.entities.extract(message, null).withProducts(this.products.findAll(message));
	}

}
