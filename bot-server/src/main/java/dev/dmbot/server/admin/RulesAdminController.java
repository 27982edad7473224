package dev.dmbot.server.admin;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.dmbot.server.workbook.RowChange;
import dev.dmbot.server.workbook.RuleSetActivator;
import dev.dmbot.server.workbook.RuleSetVersion;
import dev.dmbot.server.workbook.Workbook;

/**
 * The analysts' rules API: upload a workbook, list versions, compare two, roll back, and
 * explain a decision without sending anything. Callers need an ADMIN or ANALYST token.
 */
@RestController
@RequestMapping("/api/admin/rules")
class RulesAdminController {

	static final int MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

	private final RuleSetActivator activator;

	private final DecisionExplainer explainer;

	RulesAdminController(RuleSetActivator activator, DecisionExplainer explainer) {
		this.activator = activator;
		this.explainer = explainer;
	}

	@PutMapping("/{workbook}")
	ResponseEntity<?> upload(@PathVariable("workbook") String name, HttpServletRequest request, Principal caller)
			throws IOException {
		if (request.getContentLengthLong() > MAX_WORKBOOK_BYTES) {
			return tooLarge();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(MAX_WORKBOOK_BYTES + 1);
		}
		if (bytes.length > MAX_WORKBOOK_BYTES) {
			return tooLarge();
		}
		RuleSetVersion version = this.activator.upload(Workbook.uploaded(name, bytes), who(caller));
		return ResponseEntity.ok(version);
	}

	@GetMapping("/versions")
	Map<String, Object> versions() {
		Map<String, Object> body = new LinkedHashMap<>();
		RuleSetVersion live = this.activator.current();
		body.put("active", live == null ? null : live.number());
		body.put("versions", this.activator.versions());
		return body;
	}

	@GetMapping("/versions/{from}/diff/{to}")
	Map<String, Object> diff(@PathVariable("from") int from, @PathVariable("to") int to) {
		List<RowChange> changes = this.activator.diff(from, to);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", from);
		body.put("to", to);
		body.put("changes", changes);
		return body;
	}

	@PostMapping("/versions/{number}/activate")
	RuleSetVersion activate(@PathVariable("number") int number, Principal caller) {
		return this.activator.rollback(number, who(caller));
	}

	@GetMapping("/versions/{number}/workbooks/{workbook}")
	ResponseEntity<byte[]> download(@PathVariable("number") int number, @PathVariable("workbook") String name) {
		Workbook workbook = this.activator.workbook(number, name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + workbook.name() + "\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(workbook.bytes());
	}

	@PostMapping("/explain")
	Explanation explain(@RequestBody ExplainRequest request) {
		return this.explainer.explain(request);
	}

	private static String who(Principal caller) {
		return caller == null ? "anonymous" : caller.getName();
	}

	private static ResponseEntity<Map<String, String>> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Map.of("error", "The workbook is larger than 5 MiB; remove unused sheets, images or styles."));
	}

}
