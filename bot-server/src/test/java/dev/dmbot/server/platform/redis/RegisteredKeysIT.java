package dev.dmbot.server.platform.redis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.conversation.CommentKeys;
import dev.dmbot.server.escalation.EscalationKeys;
import dev.dmbot.server.followups.FollowUpKeys;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every key the server writes belongs to a registered key family, so data deletion and
 * the key table know of it: the server, in sandbox mode on a real redis-server, is driven
 * through a plain DM, a flow that qualifies a lead, an escalation, a follow-up, a comment
 * answered in private, a conversion and a deletion request; then every key in Redis is
 * matched against the registry. A feature that writes a key its {@code *Keys} class does
 * not declare fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.watch=false", "bot.privacy.poll-interval=50ms", "bot.comments.drain-interval=100ms" })
class RegisteredKeysIT {

	static final String ACCOUNT = WebhookPayloads.ACCOUNT;

	static final String ADMIN = "sandbox-admin-token";

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	@Autowired
	KeyRegistry registry;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyKeyTheMainFeaturesWriteBelongsToARegisteredFamily() {
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);
		String customer = WebhookPayloads.newSender();
		leadEscalationAndConversion(webhook, customer);
		String browsing = WebhookPayloads.newSender();
		webhook.post(WebhookPayloads.from(browsing).textMessage("how much is the oak bookshelf?"));
		String commenting = WebhookPayloads.newSender();
		String comment = Long
			.toString(18_000_000_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xffffffffffffL));
		webhook.post(WebhookPayloads.comment(comment, commenting, "PRICE?", "18083495273654753",
				System.currentTimeMillis()));
		String leaving = WebhookPayloads.newSender();
		webhook.post(WebhookPayloads.from(leaving).textMessage("hello"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.redis.exists(FollowUpKeys.followUp(ACCOUNT, browsing))
					&& !this.redis.zrange(CommentKeys.sent(ACCOUNT), 0, -1).isEmpty()
					&& this.redis.exists(ContextKeys.log(ACCOUNT, leaving)));
		HttpResponse<String> deletion = post("/api/admin/privacy/deletions", "{\"senderId\":\"" + leaving + "\"}");
		assertThat(deletion.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> RedisKeys.scan(this.redis, "*").stream().noneMatch((key) -> key.contains(leaving)));

		Set<String> unregistered = new TreeSet<>();
		Set<String> families = new TreeSet<>();
		for (String key : RedisKeys.scan(this.redis, "*")) {
			this.registry.familyOf(key)
				.ifPresentOrElse((family) -> families.add(family.id()), () -> unregistered.add(key));
		}

		assertThat(unregistered).as("keys no family in a *Keys class declares").isEmpty();
		assertThat(families).contains("context/ctx", "context/log", "intake/seen", "intake/events", "guardrails/sent",
				"escalation/pointer", "escalation/escalation", "leads/lead", "leads/source", "attribution/conversions",
				"followups/follow-up", "followups/due", "comments/replied", "comments/sent", "privacy/deletion",
				"privacy/forget", "outbound/sandbox-outbox", "workbook/active");
	}

	@Test
	void anAdminSeesEveryFamilyWithWhatDeletionDoesAndHowLongItIsKept() {
		HttpResponse<String> answer = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/privacy/keys"))
					.header("Authorization", "Bearer " + ADMIN)
					.GET());

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode families = JsonMapper.builder().build().readTree(answer.body());
		assertThat(families.size()).isEqualTo(this.registry.families().size());
		JsonNode context = families
			.get(this.registry.families().stream().map(KeyFamily::id).toList().indexOf("context/ctx"));
		assertThat(context.path("key").asString()).isEqualTo("bot:{<account>:<sender>}:ctx");
		assertThat(context.path("scope").asString()).isEqualTo("person");
		assertThat(context.path("personalData").asBoolean()).isTrue();
		assertThat(context.path("onDeletion").asString()).isEqualTo("deleted");
		assertThat(context.path("kept").asString()).contains("bot.context.retention");
	}

	/**
	 * The conversation of the data-deletion test: a flow that qualifies a lead, then a
	 * person asked for.
	 */
	private void leadEscalationAndConversion(WebhookClient webhook, String sender) {
		WebhookPayloads customer = WebhookPayloads.from(sender);
		long at = System.currentTimeMillis();
		webhook.post(customer.at(at++).textMessage("hello"));
		webhook.post(customer.at(at++).textMessage("I want to renovate my flat in Porto, budget 20k"));
		webhook.post(customer.at(at++).quickReply("As soon as possible", "as soon as possible"));
		webhook.post(customer.at(at++).textMessage("Rui Lopes"));
		webhook.post(customer.at(at++).textMessage("rui.lopes@sapo.pt"));
		webhook.post(customer.at(at).textMessage("I want to speak to a human"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.redis.exists(EscalationKeys.pointer(ACCOUNT, sender)));
		HttpResponse<String> conversion = post("/api/conversions", "{\"id\":\"order-" + sender + "\",\"accountId\":\""
				+ ACCOUNT + "\",\"senderId\":\"" + sender + "\",\"type\":\"order\",\"value\":10,\"currency\":\"EUR\"}");
		assertThat(conversion.statusCode()).isEqualTo(201);
	}

	private HttpResponse<String> post(String path, String json) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Authorization", "Bearer " + ADMIN)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

}
