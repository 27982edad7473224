package dev.dmbot.server.playground;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.context.ConversationLog;
import dev.dmbot.server.context.LogEntry;
import dev.dmbot.server.accounts.Accounts;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.MetaSignature;

/**
 * The API behind the playground page at {@code /}. It turns what a visitor types into a
 * correctly signed webhook delivery and posts it to this server's own {@code /webhook},
 * so the playground exercises exactly the path Meta's events take. Available only in
 * sandbox mode: with a real access token it would message real customers.
 */
@RestController
@RequestMapping("/api/playground")
class PlaygroundController {

	private final MetaProperties meta;

	/** The account the playground's customers write to: the first account served. */
	private final String accountId;

	private final ConversationLog conversationLog;

	private final Environment environment;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	PlaygroundController(MetaProperties meta, Accounts accounts, ConversationLog conversationLog,
			Environment environment, JsonMapper json, Clock clock) {
		this.meta = meta;
		this.accountId = accounts.all().get(0).id();
		this.conversationLog = conversationLog;
		this.environment = environment;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping("/messages")
	ResponseEntity<Map<String, Object>> send(@RequestBody PlaygroundMessage message) throws Exception {
		if (!this.meta.sandbox()) {
			return notInSandbox();
		}
		if (message.sender() == null || !message.sender().matches("[0-9A-Za-z_-]{1,64}")) {
			return ResponseEntity.badRequest()
				.body(Map.of("error",
						"sender must be 1-64 letters, digits, '-' or '_', but was '" + message.sender() + "'"));
		}
		Map<String, Object> delivery;
		try {
			delivery = PlaygroundEvents.delivery(this.accountId, message, this.clock.millis());
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
		}
		byte[] body = this.json.writeValueAsBytes(delivery);
		String port = this.environment.getProperty("local.server.port", "8080");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook"))
			.header("Content-Type", "application/json")
			.header(MetaSignature.HEADER,
					MetaSignature.sign(this.meta.appSecret().getBytes(StandardCharsets.UTF_8), body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return ResponseEntity.status(response.statusCode())
			.body(Map.of("webhookStatus", response.statusCode(), "delivery", delivery));
	}

	@GetMapping("/conversations/{sender}")
	ResponseEntity<Map<String, Object>> conversation(@PathVariable String sender) {
		if (!this.meta.sandbox()) {
			return notInSandbox();
		}
		List<LogEntry> entries = this.conversationLog.recent(this.accountId, sender, 100);
		return ResponseEntity.ok(Map.of("sender", sender, "entries", entries));
	}

	private static ResponseEntity<Map<String, Object>> notInSandbox() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "The playground is only available in sandbox mode (no bot.meta.access-token set)"));
	}

}
