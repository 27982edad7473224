package dev.dmbot.server.escalation;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * The agent API's errors as {@code {"error": "..."}} in plain words: 400 for a request to
 * fix, 404 for an escalation the agent cannot see, 409 for one that is closed or a reply
 * Instagram no longer allows, 502 when Meta refused the reply, 503 when Redis is away.
 */
@RestControllerAdvice(assignableTypes = EscalationController.class)
class EscalationErrors {

	private static final Logger log = LoggerFactory.getLogger(EscalationErrors.class);

	@ExceptionHandler(UnknownEscalationException.class)
	ResponseEntity<Map<String, String>> unknown(UnknownEscalationException ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler({ EscalationClosedException.class, ReplyWindowClosedException.class })
	ResponseEntity<Map<String, String>> conflict(RuntimeException ex) {
		return error(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "The body must be JSON such as {\"text\": \"Hello!\"}");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException ex) {
		return error(HttpStatus.BAD_REQUEST,
				ex.getName() + " must be a "
						+ (ex.getRequiredType() == null ? "value of another kind"
								: ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT))
						+ ", but was '" + ex.getValue() + "'");
	}

	@ExceptionHandler(AgentReplyFailedException.class)
	ResponseEntity<Map<String, String>> refused(AgentReplyFailedException ex) {
		return error(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, String>> redisAway(BotException ex) {
		log.warn("Agent API answered 503: Redis is unreachable ({})", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Map.of("error", "Escalations cannot be read or changed right now because Redis is unreachable; "
					+ "try again shortly."));
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
