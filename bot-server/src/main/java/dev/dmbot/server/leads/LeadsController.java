package dev.dmbot.server.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * The leads API for analysts and admins: list and export (JSON or CSV) with filters, one
 * lead, redeliver one, replay the dead letters. The list is also at {@code /api/leads};
 * both need an ADMIN or ANALYST token.
 */
@RestController
class LeadsController {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final LeadService leads;

	LeadsController(LeadService leads) {
		this.leads = leads;
	}

	@GetMapping({ "/api/admin/leads", "/api/leads" })
	ResponseEntity<?> list(@RequestParam(name = "account", required = false) String account,
			@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "since", required = false) String since,
			@RequestParam(name = "until", required = false) String until,
			@RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "format", required = false, defaultValue = "json") String format,
			@RequestParam(name = "limit", required = false, defaultValue = "" + LeadQuery.DEFAULT_LIMIT) int limit) {
		String kind = format.toLowerCase(Locale.ROOT);
		if (!kind.equals("json") && !kind.equals("csv")) {
			throw new IllegalArgumentException("format must be json or csv, but was '" + format + "'");
		}
		LeadQuery query = new LeadQuery(blankToNull(account),
				status == null || status.isBlank() ? null : LeadStatus.of(status), instant("since", since, false),
				instant("until", until, true), blankToNull(tag), limit);
		List<Lead> found = this.leads.list(query);
		if (kind.equals("csv")) {
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leads.csv\"")
				.body(LeadCsv.write(found));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found);
	}

	@GetMapping("/api/admin/leads/{id}")
	Lead one(@PathVariable("id") String id) {
		return this.leads.find(id).orElseThrow(() -> new UnknownLeadException(id));
	}

	@PostMapping("/api/admin/leads/{id}/redeliver")
	ResponseEntity<Lead> redeliver(@PathVariable("id") String id) {
		return ResponseEntity.accepted().body(this.leads.redeliver(id));
	}

	@PostMapping("/api/admin/leads/dead-letters/replay")
	ResponseEntity<Map<String, Object>> replay() {
		return ResponseEntity.accepted().body(Map.of("requeued", this.leads.replayDeadLetters()));
	}

	@ExceptionHandler(UnknownLeadException.class)
	ResponseEntity<Map<String, Object>> unknown(UnknownLeadException ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(LeadsNotDeliveredException.class)
	ResponseEntity<Map<String, Object>> notDelivered(LeadsNotDeliveredException ex) {
		return error(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, Object>> redisAway(BotException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE, "Redis cannot be reached; try again when it is back.");
	}

	/** An ISO instant, or a date: the start of that day (UTC), or its end for until. */
	static Instant instant(String name, String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				LocalDate day = LocalDate.parse(value.strip());
				return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
						: day.atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notADate) {
				throw new IllegalArgumentException(
						name + " must be an instant like 2026-05-01T12:00:00Z or a date like 2026-05-01, but was '"
								+ value + "'");
			}
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", message);
		return ResponseEntity.status(status).body(body);
	}

}
