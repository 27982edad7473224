package dev.dmbot.server.privacy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ContextKeys;
import dev.dmbot.server.support.HttpCalls;
import dev.dmbot.server.support.WebhookClient;
import dev.dmbot.server.support.WebhookPayloads;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.MetaSignature;
import dev.dmbot.server.system.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meta's data-deletion callback against the server on a real redis-server, in sandbox
 * mode: two customers each chat, qualify as a lead, ask for a person and convert; a
 * request for one of them removes every key and entry of that one and nothing of the
 * other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.rules.watch=false", "bot.privacy.poll-interval=50ms" })
class DataDeletionIT {

	static final String ACCOUNT = WebhookPayloads.ACCOUNT;

	static final String ADMIN = "sandbox-admin-token";

	@LocalServerPort
	int port;

	@Autowired
	UnifiedJedis redis;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSignedRequestRemovesEveryKeyOfThatPersonAndNothingOfAnother() {
		String leaving = WebhookPayloads.newSender();
		String staying = WebhookPayloads.newSender();
		converse(leaving);
		converse(staying);
		Map<String, String> before = snapshot(staying);
		assertThat(keysNaming(leaving)).anyMatch((key) -> key.endsWith(":ctx"))
			.anyMatch((key) -> key.endsWith(":log"))
			.anyMatch((key) -> key.contains(":escalation:"))
			.anyMatch((key) -> key.startsWith("bot:{leads}:source:"));
		// What the person was shown (the A/B touches) is kept in their context hash.
		assertThat(this.redis.hkeys(ContextKeys.context(ACCOUNT, leaving)))
			.anyMatch((field) -> field.startsWith("_touch."));

		HttpResponse<String> answer = callback(signedRequest(MetaProperties.SANDBOX_APP_SECRET,
				"{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":1767225600,\"user_id\":\"" + leaving + "\"}"));

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(answer.body());
		String code = body.path("confirmation_code").asString();
		assertThat(code).matches("[A-Z0-9]{20}");
		assertThat(body.path("url").asString())
			.isEqualTo("http://localhost:" + this.port + "/privacy/deletion/" + code);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "completed"
				.equals(this.json.readTree(get("/privacy/deletion/" + code, "application/json").body())
					.path("status")
					.asString()));

		assertThat(keysNaming(leaving)).isEmpty();
		assertThat(sharedEntriesNaming(leaving)).isEmpty();
		assertThat(snapshot(staying)).isEqualTo(before);
		assertThat(sharedEntriesNaming(staying)).isNotEmpty();
		HttpResponse<String> page = get("/privacy/deletion/" + code, "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Your data was deleted on").doesNotContain(leaving);
		JsonNode status = this.json.readTree(get("/privacy/deletion/" + code, "application/json").body());
		assertThat(status.path("removed").asLong()).isPositive();
		assertThat(this.redis.hgetAll(PrivacyKeys.deletion(code))).doesNotContainValue(leaving);
	}

	@Test
	void aForgedOrMalformedRequestIsRefusedAndDeletesNothing() {
		String customer = WebhookPayloads.newSender();
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);
		webhook.post(WebhookPayloads.from(customer).textMessage("hello"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> keysNaming(customer).stream().anyMatch((k) -> k.endsWith(":log")));
		Map<String, String> before = snapshot(customer);
		String payload = "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"" + customer + "\"}";

		HttpResponse<String> forged = callback(signedRequest("not-the-app-secret", payload));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(forged.body()).path("error").asString())
			.isEqualTo("the signature of signed_request does not match the app secret");
		assertThat(callback(null).statusCode()).isEqualTo(400);
		assertThat(callback("no-dot-here").statusCode()).isEqualTo(400);
		assertThat(callback("%%%." + base64("{}")).statusCode()).isEqualTo(400);
		HttpResponse<String> wrongAlgorithm = callback(signedRequest(MetaProperties.SANDBOX_APP_SECRET,
				"{\"algorithm\":\"none\",\"user_id\":\"" + customer + "\"}"));
		assertThat(wrongAlgorithm.statusCode()).isEqualTo(400);
		assertThat(wrongAlgorithm.body()).contains("HMAC-SHA256");
		HttpResponse<String> pattern = callback(
				signedRequest(MetaProperties.SANDBOX_APP_SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"*\"}"));
		assertThat(pattern.statusCode()).isEqualTo(400);
		assertThat(get("/privacy/deletion/NOSUCHCODE234567ABCD", "application/json").statusCode()).isEqualTo(404);

		assertThat(snapshot(customer)).isEqualTo(before);
		assertThat(forged.body() + wrongAlgorithm.body()).doesNotContain(MetaProperties.SANDBOX_APP_SECRET);
	}

	@Test
	void anAdminCanRequestADeletionThatReachedThemAnotherWay() {
		String customer = WebhookPayloads.newSender();
		new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET)
			.post(WebhookPayloads.from(customer).textMessage("hello"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> keysNaming(customer).stream().anyMatch((k) -> k.endsWith(":log")));

		HttpResponse<String> refused = adminRequest("{\"senderId\":\"" + customer + "\"}", "no-such-token-at-all");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(adminRequest("{\"senderId\":\"4*2\"}", ADMIN).statusCode()).isEqualTo(400);
		HttpResponse<String> accepted = adminRequest("{\"senderId\":\"" + customer + "\"}", ADMIN);

		assertThat(accepted.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> keysNaming(customer).isEmpty());
	}

	private void converse(String sender) {
		WebhookPayloads customer = WebhookPayloads.from(sender);
		WebhookClient webhook = new WebhookClient(this.port, MetaProperties.SANDBOX_APP_SECRET);
		long at = System.currentTimeMillis();
		webhook.post(customer.at(at++).textMessage("hello"));
		webhook.post(customer.at(at++).textMessage("I want to renovate my flat in Porto, budget 20k"));
		webhook.post(customer.at(at++).quickReply("As soon as possible", "as soon as possible"));
		webhook.post(customer.at(at++).textMessage("Rui Lopes"));
		webhook.post(customer.at(at++).textMessage("rui.lopes@sapo.pt"));
		webhook.post(customer.at(at).textMessage("I want to speak to a human"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.redis.exists("bot:{" + ACCOUNT + ":" + sender + "}:escalation"));
		HttpResponse<String> conversion = HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/conversions"))
					.header("Authorization", "Bearer " + ADMIN)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"id\":\"order-" + sender + "\",\"accountId\":\"" + ACCOUNT + "\",\"senderId\":\""
								+ sender + "\",\"type\":\"order\",\"value\":10," + "\"currency\":\"EUR\"}")));
		assertThat(conversion.statusCode()).isEqualTo(201);
	}

	/** Every key whose name holds the person's id, with its type. */
	private Map<String, String> snapshot(String sender) {
		Map<String, String> keys = new TreeMap<>();
		for (String key : keysNaming(sender)) {
			keys.put(key, this.redis.type(key));
		}
		keys.put("shared entries", String.join("|", sharedEntriesNaming(sender)));
		return keys;
	}

	private Set<String> keysNaming(String sender) {
		Set<String> keys = new TreeSet<>();
		RedisKeys.scan(this.redis, "*").stream().filter((key) -> key.contains(sender)).forEach(keys::add);
		return keys;
	}

	/**
	 * Entries about the person in keys that are not theirs: hashes, sorted sets, lists,
	 * sets and streams whose content names the person's id, or the id of one of their
	 * leads or escalations.
	 */
	private Set<String> sharedEntriesNaming(String sender) {
		Set<String> found = new TreeSet<>();
		for (String key : RedisKeys.scan(this.redis, "*")) {
			if (key.contains(sender) || key.startsWith("bot:{privacy}")) {
				continue;
			}
			String content = switch (this.redis.type(key)) {
				case "hash" -> this.redis.hgetAll(key).toString();
				case "zset" -> this.redis.zrange(key, 0, -1).toString();
				case "list" -> this.redis.lrange(key, 0, -1).toString();
				case "set" -> this.redis.smembers(key).toString();
				case "string" -> String.valueOf(this.redis.get(key));
				case "stream" -> this.redis.xrange(key, StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, 10_000)
					.stream()
					.map(StreamEntry::getFields)
					.toList()
					.toString();
				default -> "";
			};
			if (content.contains(sender)) {
				found.add(key);
			}
		}
		for (String key : RedisKeys.scan(this.redis, "bot:{leads}:lead:*")) {
			if (sender.equals(this.redis.hget(key, "sender"))) {
				found.add(key);
			}
		}
		return found;
	}

	private HttpResponse<String> callback(String signedRequest) {
		String form = (signedRequest == null) ? ""
				: "signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8);
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/privacy/deletion"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> adminRequest(String body, String token) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/privacy/deletions"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(String path, String accept) {
		return HttpCalls.send(this.http,
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Accept", accept)
					.GET());
	}

	static String signedRequest(String secret, String payloadJson) {
		String payload = base64(payloadJson);
		byte[] signature = MetaSignature.hmac(secret.getBytes(StandardCharsets.UTF_8),
				payload.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(signature) + "." + payload;
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
