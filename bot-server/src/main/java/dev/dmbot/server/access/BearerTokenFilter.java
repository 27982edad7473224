package dev.dmbot.server.access;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@code Authorization: Bearer} header of a request to a protected
 * path. No header: the request goes on anonymous and authorization answers 401. A bad
 * token is answered 401 here; a token that cannot be checked because Redis is down, 503.
 * Not a bean, so the servlet container never runs it outside the security chain.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

	private final AuthenticationManager authenticationManager;

	private final AccessErrors errors;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(AuthenticationManager authenticationManager, AccessErrors errors) {
		this.authenticationManager = authenticationManager;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = null;
		try {
			Optional<BearerToken> token = BearerToken.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
			if (token.isPresent()) {
				caller = this.authenticationManager.authenticate(TokenAuthentication.unauthenticated(token.get()));
			}
		}
		catch (AuthenticationException ex) {
			this.contexts.clearContext();
			this.errors.commence(request, response, ex);
			return;
		}
		catch (TokenStoreUnavailableException ex) {
			log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
			this.errors.unavailable(response);
			return;
		}
		if (caller != null) {
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(caller);
			this.contexts.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
