package dev.dmbot.server.access;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create, list and revoke named tokens. A new token is shown once, in the answer
 * to its creation; afterwards only its name, role and origin are.
 */
@RestController
@RequestMapping("/api/admin/tokens")
class TokenController {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{1,32}");

	static final int MAX_ACCOUNTS = 100;

	private final TokenStore tokens;

	TokenController(TokenStore tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	ResponseEntity<?> create(@RequestBody TokenRequest request, Authentication caller) {
		if (request.name() == null || !NAME.matcher(request.name()).matches()) {
			return error(HttpStatus.BAD_REQUEST, "name must be 1-64 letters, digits, '.', '-' or '_', but was "
					+ (request.name() == null ? "missing" : "'" + request.name() + "'"));
		}
		if (BootstrapAdmin.NAME.equals(request.name())) {
			return error(HttpStatus.CONFLICT, "The name '" + BootstrapAdmin.NAME
					+ "' belongs to the bootstrap admin (bot.security.admin-token); choose another name");
		}
		Role role;
		try {
			role = Role.parse(request.role());
		}
		catch (IllegalArgumentException ex) {
			return error(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		List<String> accounts;
		try {
			accounts = accounts(request.accounts(), role);
		}
		catch (IllegalArgumentException ex) {
			return error(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		Optional<String> token = this.tokens.create(request.name(), role, caller.getName(), accounts);
		if (token.isEmpty()) {
			return error(HttpStatus.CONFLICT, "A token named '" + request.name() + "' exists already; revoke it with "
					+ "DELETE /api/admin/tokens/" + request.name() + " or choose another name");
		}
		return ResponseEntity.created(URI.create("/api/admin/tokens/" + request.name()))
			.body(new IssuedToken(request.name(), role, accounts.isEmpty() ? null : accounts, token.get()));
	}

	/**
	 * The accounts a token is bound to: Instagram account ids, for AGENT and ANALYST
	 * tokens only.
	 */
	static List<String> accounts(List<String> requested, Role role) {
		if (requested == null || requested.isEmpty()) {
			return List.of();
		}
		if (role != Role.AGENT && role != Role.ANALYST) {
			throw new IllegalArgumentException("accounts bind an AGENT or ANALYST token to Instagram accounts; a "
					+ role + " token sees every account, so leave accounts out");
		}
		if (requested.size() > MAX_ACCOUNTS) {
			throw new IllegalArgumentException(
					"accounts may list at most " + MAX_ACCOUNTS + " accounts, but lists " + requested.size());
		}
		Set<String> accounts = new LinkedHashSet<>();
		for (String account : requested) {
			String id = account == null ? "" : account.strip();
			if (!ACCOUNT.matcher(id).matches()) {
				throw new IllegalArgumentException("accounts must be Instagram professional account ids (digits, "
						+ "such as 17841405822304914), but one was "
						+ (account == null ? "null" : "'" + account + "'"));
			}
			accounts.add(id);
		}
		return List.copyOf(accounts);
	}

	@GetMapping
	List<StoredToken> list() {
		return this.tokens.list();
	}

	@DeleteMapping("/{name}")
	ResponseEntity<?> revoke(@PathVariable String name) {
		if (this.tokens.revoke(name)) {
			return ResponseEntity.noContent().build();
		}
		String hint = BootstrapAdmin.NAME.equals(name)
				? "; the bootstrap admin's token is bot.security.admin-token: change it and restart" : "";
		return error(HttpStatus.NOT_FOUND, "No token named '" + name + "'" + hint);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> unavailable(TokenStoreUnavailableException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE,
				"Tokens cannot be read or changed right now because Redis is unreachable; try again shortly");
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

	/**
	 * The body of {@code POST /api/admin/tokens}.
	 *
	 * @param accounts for an AGENT or ANALYST token, the Instagram accounts whose
	 * conversations and data it may see; absent or empty: all
	 */
	record TokenRequest(String name, String role, List<String> accounts) {
	}

	/** The answer to a creation: the only time the token itself is shown. */
	record IssuedToken(String name, Role role, List<String> accounts, String token) {

		@Override
		public String toString() {
			// Spring MVC logs returned values at debug level.
			return "IssuedToken[name=" + this.name + ", role=" + this.role + ", accounts=" + this.accounts
					+ ", token=****]";
		}

	}

}
