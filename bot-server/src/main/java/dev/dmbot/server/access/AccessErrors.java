package dev.dmbot.server.access;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON answers of refused requests, {@code {"error": "..."}}: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750), 403 naming the role needed, 503
 * when tokens cannot be checked. No answer repeats the presented token.
 */
final class AccessErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String REALM = "Bearer realm=\"dmbot\"";

	private final JsonMapper json;

	AccessErrors(JsonMapper json) {
		this.json = json;
	}

	/** No token, or one that is malformed, unknown or revoked. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof BadCredentialsException) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
			write(response, HttpStatus.UNAUTHORIZED, ex.getMessage());
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
			write(response, HttpStatus.UNAUTHORIZED, "This endpoint needs a token: send 'Authorization: Bearer "
					+ "<token>'. Admins create tokens with POST /api/admin/tokens.");
		}
	}

	/** A valid token whose role may not make this request. */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String message = request.getMethod() + " " + request.getRequestURI() + " needs the role "
				+ AccessPolicy.describe(AccessPolicy.requiredRoles(request));
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller instanceof TokenAuthentication token) {
			message += ", but the token '" + token.getName() + "' has the role " + token.role();
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\"");
		write(response, HttpStatus.FORBIDDEN, message);
	}

	/** A token bound to accounts, asking for another account's data or all of them. */
	void outsideAccounts(HttpServletResponse response, String message) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\"");
		write(response, HttpStatus.FORBIDDEN, message);
	}

	void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		write(response, HttpStatus.SERVICE_UNAVAILABLE,
				"Tokens cannot be checked right now because Redis is unreachable; try again shortly");
	}

	private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), Map.of("error", message));
	}

}
