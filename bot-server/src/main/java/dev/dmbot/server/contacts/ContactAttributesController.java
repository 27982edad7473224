package dev.dmbot.server.contacts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * {@code GET} and {@code PUT /api/contacts/{account}/{igsid}/attributes}: what other
 * systems know about a customer (the last product viewed, an abandoned cart), for replies
 * to use as {@code {{attr.name}}}. A PUT body is a JSON object of string values; a
 * {@code null} value removes the attribute. Needs an INTEGRATION, ADMIN or ANALYST token.
 */
@RestController
class ContactAttributesController {

	private final ContactAttributes attributes;

	ContactAttributesController(ContactAttributes attributes) {
		this.attributes = attributes;
	}

	@GetMapping("/api/contacts/{account}/{igsid}/attributes")
	Map<String, String> get(@PathVariable("account") String account, @PathVariable("igsid") String igsid) {
		return this.attributes.get(account, igsid);
	}

	@PutMapping("/api/contacts/{account}/{igsid}/attributes")
	Map<String, String> put(@PathVariable("account") String account, @PathVariable("igsid") String igsid,
			@RequestBody JsonNode body) {
		return this.attributes.merge(account, igsid, changes(body));
	}

	private static Map<String, String> changes(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidAttributesException(
					"the body must be a JSON object of attribute names and string values, e.g. {\"cart\":\"2 items\"}");
		}
		Map<String, String> changes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			JsonNode value = field.getValue();
			if (!value.isString() && !value.isNull()) {
				throw new InvalidAttributesException("attribute \"" + ContactAttributes.abbreviate(field.getKey())
						+ "\": the value must be a string, or null to remove it");
			}
			changes.put(field.getKey(), value.isNull() ? null : value.asString());
		}
		return changes;
	}

	@ExceptionHandler(InvalidAttributesException.class)
	ResponseEntity<Map<String, String>> invalid(InvalidAttributesException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "the body must be a JSON object of attribute names "
					+ "and string values, e.g. {\"cart\":\"2 items\"}"));
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "Redis is unreachable; try again"));
	}

}
