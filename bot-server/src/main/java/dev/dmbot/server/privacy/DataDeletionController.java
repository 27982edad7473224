package dev.dmbot.server.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.access.Caller;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * Meta's data-deletion callback and the status page it links to.
 * <ul>
 * <li>{@code POST /privacy/deletion} with the form field {@code signed_request}: answers
 * {@code {"url": "<status page>", "confirmation_code": "<code>"}} once the request is
 * stored; 400 when it is malformed, 403 when its signature is not the app secret's, 503
 * when Redis is unreachable (nothing is stored; Meta may try again).</li>
 * <li>{@code GET /privacy/deletion/{code}}: the request's status, as JSON or, for a
 * browser, a short page.</li>
 * <li>{@code POST /api/admin/privacy/deletions} with {@code {"senderId": "…"}} (ADMIN
 * token): the same for a request that reached you another way.</li>
 * </ul>
 */
@RestController
class DataDeletionController {

	private static final Logger log = LoggerFactory.getLogger(DataDeletionController.class);

	private final DataDeletions deletions;

	private final PrivacyProperties properties;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final List<byte[]> secrets = new ArrayList<>();

	DataDeletionController(DataDeletions deletions, PrivacyProperties properties, MetaProperties meta, JsonMapper json,
			MeterRegistry meters) {
		this.deletions = deletions;
		this.properties = properties;
		this.json = json;
		this.meters = meters;
		this.secrets.add(meta.appSecret().getBytes(StandardCharsets.UTF_8));
		if (meta.appSecretAlt() != null && !meta.appSecretAlt().isBlank()) {
			this.secrets.add(meta.appSecretAlt().getBytes(StandardCharsets.UTF_8));
		}
	}

	@PostMapping(path = "/privacy/deletion", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, String> metaCallback(@RequestParam(name = "signed_request", required = false) String signedRequest) {
		SignedRequest request = SignedRequest.verify(signedRequest, this.secrets, this.json);
		return answer(this.deletions.request(request.userId(), "meta"));
	}

	@PostMapping(path = "/api/admin/privacy/deletions", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> adminRequest(@RequestBody(required = false) JsonNode body,
			Authentication authentication) {
		String senderId = (body != null && body.path("senderId").isString()) ? body.path("senderId").asString() : "";
		if (!SignedRequest.USER_ID.matcher(senderId).matches()) {
			return ResponseEntity.badRequest()
				.body(Map.of("error",
						"senderId must be the person's Instagram-scoped id (letters, digits, '_' or '-', at most 64)"));
		}
		String origin = "token:" + Caller.of(authentication).name();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer(this.deletions.request(senderId, origin)));
	}

	@GetMapping(path = "/privacy/deletion/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> status(@PathVariable("code") String code) {
		return this.deletions.status(code)
			.<ResponseEntity<Object>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "no data-deletion request has this confirmation code")));
	}

	@GetMapping(path = "/privacy/deletion/{code}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> statusPage(@PathVariable("code") String code) {
		Optional<DeletionStatus> found = this.deletions.status(code);
		String text = found
			.map((status) -> status.completed() ? "Your data was deleted on " + status.completedAt()
					+ " (request received " + status.requestedAt() + ")."
					: "Your request, received " + status.requestedAt() + ", is being carried out.")
			.orElse("No data-deletion request has this confirmation code.");
		String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data deletion</title>"
				+ "</head><body><h1>Data deletion request " + HtmlUtils.htmlEscape(abbreviate(code)) + "</h1><p>"
				+ HtmlUtils.htmlEscape(text) + "</p></body></html>";
		return ResponseEntity.status(found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.TEXT_HTML)
			.body(page);
	}

	private Map<String, String> answer(DeletionStatus status) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("url", this.properties.statusUrl(base, status.confirmationCode()));
		answer.put("confirmation_code", status.confirmationCode());
		return answer;
	}

	@ExceptionHandler(InvalidSignedRequestException.class)
	ResponseEntity<Map<String, String>> refused(InvalidSignedRequestException ex) {
		this.meters.counter("bot.privacy.deletions", "outcome", ex.forged() ? "bad_signature" : "malformed")
			.increment();
		log.warn("Data-deletion request refused: {}", ex.getMessage());
		return ResponseEntity.status(ex.forged() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST)
			.body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(Map.of("error", "Redis is unreachable; nothing was stored, try again"));
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

}
