package dev.dmbot.server.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.support.MetaApiStub;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.context.ContextKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers who write in Portuguese and Spanish get the shipped workbook's replies in
 * their language, through the whole path: a signed webhook, the language and intent
 * models, a real redis-server, the exact Send API call to a fake Meta.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LanguagesIT {

	static final MetaApiStub meta = new MetaApiStub();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		meta.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	ConversationLog conversationLog;

	final JsonMapper json = JsonMapper.builder().build();

	WebhookClient webhook;

	WebhookPayloads customer;

	@BeforeEach
	void setUp() {
		this.webhook = new WebhookClient(this.port, MetaApiStub.APP_SECRET);
		this.customer = WebhookPayloads.from(WebhookPayloads.newSender());
	}

	@Test
	void aPortugueseMessageIsAnsweredInPortugueseAndTheLanguageKept() {
		send("Quanto custam os portes para o Porto?");

		assertExactReply(1, "porto-shipping-pt");
		assertThat(storedLanguage()).isEqualTo("pt");
		assertThat(lastReply(1).facts()).containsEntry("language", "pt (message)").containsEntry("intent", "shipping");
	}

	@Test
	void aSpanishMessageIsAnsweredInSpanishAndTheLanguageKept() {
		send("¿Cuánto cuesta el envío a Madrid?");

		assertExactReply(1, "shipping-es");
		assertThat(storedLanguage()).isEqualTo("es");
	}

	@Test
	void aShortAnswerKeepsThePersonsLanguage() {
		send("¿Cuánto cuesta el envío a Madrid?");
		awaitSends(1);
		send("👍");

		LoggedRequest second = awaitSends(2).get(1);
		assertThat(this.json.readTree(second.getBodyAsString()).path("message").path("text").asString())
			.startsWith("Perdona, no lo he entendido bien");
		assertThat(storedLanguage()).isEqualTo("es");
		assertThat(lastReply(2).facts()).containsEntry("language", "es (previous)");
	}

	@Test
	void aNewPersonsShortMessageIsAnsweredInTheAccountsDefault() {
		send("👍");

		LoggedRequest sent = awaitSends(1).get(0);
		assertThat(this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString())
			.startsWith("Sorry, I didn't quite get that");
		assertThat(storedLanguage()).isEqualTo("en");
		assertThat(lastReply(1).facts()).containsEntry("language", "en (account_default)");
	}

	@Test
	void anOptOutIsConfirmedInThePersonsLanguage() {
		send("Olá, boa tarde, quero saber o horário da loja");
		awaitSends(1);
		send("parem de me enviar mensagens por favor");

		LoggedRequest confirmation = awaitSends(2).get(1);
		assertThat(this.json.readTree(confirmation.getBodyAsString()).path("message").path("text").asString())
			.isEqualTo("Feito. Não lhe enviamos mais mensagens. Se mudar de ideias, basta escrever VOLTAR. 👋");
	}

	@Test
	void aHandoverIsAnnouncedInThePersonsLanguage() {
		send("O candeeiro chegou partido, que vergonha");

		LoggedRequest sent = awaitSends(1).get(0);
		// In or out of working hours, whenever the test runs: both texts open the same
		// way.
		assertThat(this.json.readTree(sent.getBodyAsString()).path("message").path("text").asString())
			.startsWith("Lamento muito")
			.doesNotContain("{{");
	}

	@Test
	void entitiesOfTheMessageAreInTheTrail() {
		send("Olá, o meu email é ana.costa@sapo.pt e o orçamento é de 2,5 mil euros");

		awaitSends(1);
		assertThat(lastReply(1).facts()).containsEntry("entities", "email: ana.costa@sapo.pt; money: 2,5 mil euros");
	}

	private void send(String text) {
		assertThat(this.webhook.post(this.customer.textMessage(text)).statusCode()).isEqualTo(200);
	}

	private String storedLanguage() {
		return this.redis.hget(ContextKeys.context(WebhookPayloads.ACCOUNT, this.customer.sender()), "language");
	}

	/** The trail of the last reply, once the log holds {@code replies} of them. */
	private LogEntry lastReply(int replies) {
		await().atMost(Duration.ofSeconds(10)).until(() -> replies().size() >= replies);
		List<LogEntry> all = replies();
		return all.get(all.size() - 1);
	}

	private List<LogEntry> replies() {
		return this.conversationLog.recent(WebhookPayloads.ACCOUNT, this.customer.sender(), 10)
			.stream()
			.filter((entry) -> "out".equals(entry.direction()))
			.toList();
	}

	private void assertExactReply(int count, String expectedBody) {
		LoggedRequest sent = awaitSends(count).get(count - 1);
		String expected = resource("/send-api/" + expectedBody + ".json").replace("{{sender}}", this.customer.sender());
		assertThat(this.json.readTree(sent.getBodyAsString())).isEqualTo(this.json.readTree(expected));
	}

	private List<LoggedRequest> awaitSends(int count) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meta.sentTo(this.customer.sender())).hasSizeGreaterThanOrEqualTo(count));
		return meta.sentTo(this.customer.sender());
	}

	private static String resource(String path) {
		try (var in = LanguagesIT.class.getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
