package dev.dmbot.server.attribution;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * {@code POST /api/conversions}: a shop, booking system or CRM reports an order or a
 * booking; {@code GET /api/conversions?account=…} lists the latest and what they are
 * credited to. Needs an INTEGRATION, ADMIN or ANALYST token.
 */
@RestController
class ConversionsController {

	private static final String EXAMPLE = "{\"id\":\"order-10423\",\"accountId\":\"17841405822304914\","
			+ "\"senderId\":\"1234567890\",\"type\":\"order\",\"value\":1299.00,\"currency\":\"EUR\"}";

	private final Conversions conversions;

	ConversionsController(Conversions conversions) {
		this.conversions = conversions;
	}

	/** 201 for a new conversion, 200 with the stored one for a repeated id. */
	@PostMapping("/api/conversions")
	ResponseEntity<Conversion> record(@RequestBody ConversionRequest request) {
		if (request == null) {
			throw new InvalidConversionException("the body is empty: send a JSON object such as " + EXAMPLE);
		}
		Conversions.Recorded recorded = this.conversions.record(request);
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(recorded.conversion());
	}

	@GetMapping("/api/conversions")
	Conversions.Report report(@RequestParam("account") String account,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new InvalidConversionException("\"limit\" is " + limit + ": use 1 to 1000");
		}
		return this.conversions.report(account, limit);
	}

	@ExceptionHandler(InvalidConversionException.class)
	ResponseEntity<Map<String, String>> invalid(InvalidConversionException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "the body is not a conversion: send a JSON object such as " + EXAMPLE
					+ " (value a number, occurredAt an ISO-8601 time such as 2026-11-24T10:15:00Z)"));
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "Redis is unreachable; nothing was recorded, send the conversion again"));
	}

}
