package dev.dmbot.server.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.dmbot.server.workbook.NotAWorkbookException;
import dev.dmbot.server.workbook.RulesBusyException;
import dev.dmbot.server.workbook.UnknownRulesVersionException;
import dev.dmbot.server.workbook.WorkbookCompileException;
import dev.dmbot.server.platform.redis.RedisRefusedException;
import dev.dmbot.server.platform.redis.RedisUnavailableException;
import dev.dmbot.server.system.BotException;

/**
 * Turns what went wrong in an admin call into a status and a message a person can act on.
 * A workbook that cannot go live answers 422 with the cell to fix, field by field.
 */
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
class AdminErrors {

	@ExceptionHandler(WorkbookCompileException.class)
	ResponseEntity<Map<String, Object>> workbook(WorkbookCompileException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("workbook", ex.workbook());
		error.put("sheet", ex.sheet());
		error.put("row", ex.row() > 0 ? ex.row() : null);
		error.put("column", ex.column());
		error.put("value", ex.value());
		error.put("problem", ex.problem());
		error.put("fix", ex.fix());
		error.put("message", ex.getMessage());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("error", error));
	}

	@ExceptionHandler(NotAWorkbookException.class)
	ResponseEntity<Map<String, Object>> notAWorkbook(NotAWorkbookException ex) {
		return message(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(UnknownRulesVersionException.class)
	ResponseEntity<Map<String, Object>> unknownVersion(UnknownRulesVersionException ex) {
		return message(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(RulesBusyException.class)
	ResponseEntity<Map<String, Object>> busy(RulesBusyException ex) {
		return message(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler({ RedisUnavailableException.class, RedisRefusedException.class })
	ResponseEntity<Map<String, Object>> redisAway(BotException ex) {
		return message(HttpStatus.SERVICE_UNAVAILABLE,
				"Redis cannot be reached, so nothing was changed; try again when it is back.");
	}

	private static ResponseEntity<Map<String, Object>> message(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
