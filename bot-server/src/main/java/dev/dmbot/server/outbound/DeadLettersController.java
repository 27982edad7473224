package dev.dmbot.server.outbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * The replies Meta did not take after the last try: {@code GET
 * /api/admin/dead-letters} lists them, {@code POST /api/admin/dead-letters/replay} sends
 * them again (all, or {@code {"ids": [...]}}), {@code DELETE
 * /api/admin/dead-letters/{id}} discards one. A letter is taken out of the stream before
 * it is sent, so two admins or two instances never send it twice; one Meta still refuses
 * goes back with the new error, one whose window has closed meanwhile is dropped (Meta
 * would never take it). Needs an ADMIN or ANALYST token.
 */
@RestController
class DeadLettersController {

	private static final Logger log = LoggerFactory.getLogger(DeadLettersController.class);

	private static final int MAX_REPLAY = 1000;

	private final DeadLetters deadLetters;

	private final OutboundDispatcher outbound;

	DeadLettersController(DeadLetters deadLetters, OutboundDispatcher outbound) {
		this.deadLetters = deadLetters;
		this.outbound = outbound;
	}

	@GetMapping("/api/admin/dead-letters")
	Map<String, Object> list(@RequestParam(name = "limit", defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_REPLAY) {
			throw new IllegalArgumentException("limit is " + limit + ": use 1 to " + MAX_REPLAY);
		}
		List<Map<String, Object>> letters = new ArrayList<>();
		for (DeadLetter letter : this.deadLetters.list(limit)) {
			letters.add(view(letter));
		}
		return Map.of("count", this.deadLetters.count(), "deadLetters", letters);
	}

	/**
	 * @param request {@code {"ids": [...]}} for some letters; no body for all
	 */
	@PostMapping("/api/admin/dead-letters/replay")
	Map<String, Object> replay(@RequestBody(required = false) ReplayRequest request) {
		List<String> ids = (request != null && request.ids() != null && !request.ids().isEmpty()) ? request.ids()
				: this.deadLetters.list(MAX_REPLAY).stream().map(DeadLetter::id).toList();
		List<String> sent = new ArrayList<>();
		List<Map<String, String>> failed = new ArrayList<>();
		List<Map<String, String>> dropped = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String id : ids) {
			DeadLetter letter = this.deadLetters.find(id).orElse(null);
			if (letter == null || !this.deadLetters.claim(id)) {
				missing.add(id);
				continue;
			}
			DeliveryResult result = this.outbound.replay(letter);
			switch (result.outcome()) {
				case SENT -> sent.add(id);
				case WINDOW_CLOSED -> dropped.add(Map.of("id", id, "error", result.error()));
				case DEAD_LETTERED -> {
					this.deadLetters.putBack(letter, result.error());
					failed.add(Map.of("id", id, "error", result.error()));
				}
			}
		}
		log.info("Dead letters replayed: {} sent, {} failed and put back, {} dropped (window closed), {} not found",
				sent.size(), failed.size(), dropped.size(), missing.size());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("sent", sent);
		answer.put("failed", failed);
		answer.put("dropped", dropped);
		answer.put("notFound", missing);
		return answer;
	}

	@DeleteMapping("/api/admin/dead-letters/{id}")
	ResponseEntity<Void> discard(@PathVariable("id") String id) {
		return this.deadLetters.claim(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	private static Map<String, Object> view(DeadLetter letter) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", letter.id());
		view.put("account", letter.account());
		view.put("recipient", letter.recipient());
		view.put("reference", letter.fields().get("reference"));
		view.put("text", letter.text());
		view.put("error", letter.error());
		view.put("at", letter.fields().get("at"));
		view.put("replays", letter.replays());
		return view;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> invalid(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "Redis is unreachable; try again"));
	}

	/**
	 * @param ids the dead letters to replay
	 */
	record ReplayRequest(List<String> ids) {
	}

}
