package dev.dmbot.server.accounts.connect;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import dev.dmbot.server.accounts.ConnectedAccount;

/**
 * Where Meta sends the admin's browser back after Business Login
 * ({@value LoginProperties#CALLBACK_PATH}): finishes the login and answers a page, in the
 * Accounts page's look, saying what happened and what to do. It needs no bearer token (a
 * redirect carries none): the single-use {@code state} and the cookie of the browser that
 * started the login stand for the admin.
 */
@RestController
class LoginCallbackController {

	private static final Logger log = LoggerFactory.getLogger(LoginCallbackController.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

	private final AccountLogin login;

	private final MeterRegistry meters;

	LoginCallbackController(AccountLogin login, MeterRegistry meters) {
		this.login = login;
		this.meters = meters;
	}

	@GetMapping(LoginProperties.CALLBACK_PATH)
	ResponseEntity<String> callback(@RequestParam(required = false) String code,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			@RequestParam(name = "error_reason", required = false) String errorReason,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			HttpServletRequest request) {
		AccountLogin.Callback callback = new AccountLogin.Callback(code, state, error, errorReason, errorDescription);
		String cookieName = (state != null) ? LoginStates.cookieName(state) : null;
		String browserSecret = cookie(request, cookieName);
		ResponseEntity.BodyBuilder answer;
		String body;
		try {
			ConnectedAccount account = this.login.finish(callback, browserSecret);
			answer = ResponseEntity.ok();
			body = connected(account);
			count("connected");
		}
		catch (LoginFailedException ex) {
			log.warn("An account login failed: {}", ex.getMessage());
			answer = ResponseEntity.status(ex.failure().status());
			body = failed(ex);
			count(ex.failure().name().toLowerCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			// Logged with its trace for the operator; the page names no internals.
			log.error("An account login failed", ex);
			LoginFailedException failure = LoginFailure.SERVER_ERROR.because(ex.getClass().getSimpleName());
			answer = ResponseEntity.status(failure.failure().status());
			body = failed(failure);
			count(failure.failure().name().toLowerCase(Locale.ROOT));
		}
		if (browserSecret != null) {
			// The login is over either way: the browser forgets its cookie.
			answer.header(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(cookieName, "").path(request.getRequestURI()).maxAge(0).build().toString());
		}
		return answer.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			// The address holds the code: no other site learns it from a link followed
			// here.
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:")
			.body(body);
	}

	/**
	 * One login ended, connected or not (bounded: one tag value per
	 * {@link LoginFailure}).
	 */
	private void count(String outcome) {
		this.meters.counter("bot.accounts.logins", "outcome", outcome).increment();
	}

	private static String cookie(HttpServletRequest request, String name) {
		if (name == null || request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static String connected(ConnectedAccount account) {
		String who = (account.username() != null) ? "@" + account.username() : account.id();
		return page("connected", "Connected " + who,
				"<p>The bot now answers the direct messages of " + escape(who) + ".</p>"
						+ "<dl class=\"facts\"><dt>Account id</dt><dd data-testid=\"account-id\">"
						+ escape(account.id()) + "</dd><dt>Token expires</dt><dd>"
						+ escape(DAY.format(account.tokenExpiresAt())) + "</dd><dt>Webhook fields</dt><dd>"
						+ escape(String.join(", ", account.subscribedFields())) + "</dd></dl>");
	}

	private static String failed(LoginFailedException ex) {
		LoginFailure failure = ex.failure();
		return page(failure.name(), "Not connected",
				"<p class=\"error\" role=\"alert\">" + escape(failure.headline()) + "</p><p data-testid=\"details\">"
						+ escape(ex.details()) + "</p><h3>What to do</h3><p data-testid=\"what-to-do\">"
						+ escape(failure.whatToDo()) + "</p><p>Nothing was stored.</p>");
	}

	private static String page(String outcome, String title, String content) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>dmbot accounts: %1$s</title>
				<link rel="icon" href="data:,">
				<link rel="stylesheet" href="/inbox/inbox.css">
				<link rel="stylesheet" href="/accounts/accounts.css">
				</head>
				<body>
				<header class="top"><div><h1>dmbot accounts</h1><p>The Instagram accounts this bot answers for.</p></div></header>
				<main class="page">
				<section class="card" data-testid="login-result" data-outcome="%2$s">
				<h2>%1$s</h2>
				%3$s
				<p><a class="button primary" href="/accounts/">Back to Accounts</a></p>
				</section>
				</main>
				</body>
				</html>
				"""
			.formatted(escape(title), escape(outcome), content);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text);
	}

}
