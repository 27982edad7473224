package dev.dmbot.server.accounts.connect;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.dmbot.server.accounts.AccountDetails;
import dev.dmbot.server.accounts.ConnectedAccounts;
import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.TransientException;

/**
 * The Accounts API (ADMIN): the accounts served, and the start of a Business Login. No
 * answer ever holds a token.
 */
@RestController
@RequestMapping("/api/admin/accounts")
class AccountsController {

	private static final Logger log = LoggerFactory.getLogger(AccountsController.class);

	private final ConnectedAccounts accounts;

	private final AccountLogin login;

	private final LoginProperties properties;

	private final MetaProperties meta;

	AccountsController(ConnectedAccounts accounts, AccountLogin login, LoginProperties properties,
			MetaProperties meta) {
		this.accounts = accounts;
		this.login = login;
		this.properties = properties;
		this.meta = meta;
	}

	/**
	 * The account of {@code bot.meta} first, then the connected accounts; and whether the
	 * server can connect more.
	 */
	@GetMapping
	ResponseEntity<?> list() {
		List<ServedAccount> served = new ArrayList<>();
		served.add(new ServedAccount(this.meta.accountId(), null, "environment",
				this.meta.sandbox() ? "sandbox" : "connected", null, null, null, null, null, null, null, null));
		try {
			for (AccountDetails account : this.accounts.list()) {
				served.add(new ServedAccount(account.id(), account.username(), "connected",
						account.status().name().toLowerCase(Locale.ROOT), account.tokenExpiresAt(),
						account.connectedAt(), account.connectedBy(), account.subscribedFields(),
						account.tokenIssuedAt(), TokenRefresh.of(account.lastRefresh()), account.disconnectedAt(),
						account.disconnectedReason()));
			}
		}
		catch (TransientException ex) {
			log.warn("GET /api/admin/accounts answered 503: {}", ex.getMessage());
			return ResponseEntity.status(503)
				.header(HttpHeaders.RETRY_AFTER, "5")
				.body(Map.of("error", "The connected accounts cannot be read right now because Redis is unreachable; "
						+ "try again shortly"));
		}
		Map<String, Object> connect = new LinkedHashMap<>();
		List<String> missing = this.login.missingSettings();
		connect.put("ready", missing.isEmpty());
		connect.put("missing", missing);
		connect.put("redirectUri", this.properties.redirectUri(base()).toString());
		connect.put("subscribedFields", this.properties.subscribedFields());
		return ResponseEntity.ok(Map.of("accounts", served, "connect", connect));
	}

	/**
	 * Starts a login: answers where to send the browser (Meta's authorization window) and
	 * gives the browser the cookie that binds the login to it.
	 */
	@PostMapping("/connect")
	ResponseEntity<?> connect(Authentication caller) {
		AccountLogin.Authorization authorization;
		try {
			authorization = this.login.start(caller.getName(), base());
		}
		catch (LoginFailedException ex) {
			log.warn("An account login could not start: {}", ex.getMessage());
			return ResponseEntity.status(ex.failure().status())
				.body(Map.of("error", ex.failure().headline() + " " + ex.details(), "whatToDo",
						ex.failure().whatToDo()));
		}
		URI redirect = authorization.redirectUri();
		ResponseCookie cookie = ResponseCookie
			.from(LoginStates.cookieName(authorization.state()), authorization.browserSecret())
			.httpOnly(true)
			.secure("https".equals(redirect.getScheme()))
			.sameSite("Lax")
			.path(redirect.getRawPath().isEmpty() ? "/" : redirect.getRawPath())
			.maxAge(this.properties.loginTimeout())
			.build();
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, cookie.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(Map.of("authorizeUrl", authorization.url().toString(), "redirectUri", redirect.toString(),
					"expiresInSeconds", this.properties.loginTimeout().toSeconds()));
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/**
	 * One account served.
	 *
	 * @param source {@code environment} for {@code bot.meta.account-id},
	 * {@code connected} for one connected through Business Login
	 * @param status {@code connected}, {@code disconnected} or, for the environment's
	 * account without a token, {@code sandbox}
	 * @param tokenIssuedAt when Meta issued the token held now (at the login or the last
	 * refresh)
	 * @param lastRefresh the last automatic refresh of the token, if any
	 * @param disconnectedAt when the server found Meta no longer accepts the token
	 * @param disconnectedReason what Meta said then
	 */
	record ServedAccount(String id, String username, String source, String status, Instant tokenExpiresAt,
			Instant connectedAt, String connectedBy, List<String> subscribedFields, Instant tokenIssuedAt,
			TokenRefresh lastRefresh, Instant disconnectedAt, String disconnectedReason) {
	}

	/**
	 * One automatic refresh of a token.
	 *
	 * @param outcome {@code refreshed}, {@code failed} (tried again at the next run),
	 * {@code disconnected} or {@code superseded} (the account was connected again
	 * meanwhile)
	 * @param problem what went wrong, if anything
	 */
	record TokenRefresh(Instant at, String outcome, String problem) {

		static TokenRefresh of(AccountDetails.TokenRefresh refresh) {
			if (refresh == null) {
				return null;
			}
			return new TokenRefresh(refresh.at(), (refresh.outcome() != null) ? refresh.outcome().tag() : "unknown",
					refresh.problem());
		}

	}

}
