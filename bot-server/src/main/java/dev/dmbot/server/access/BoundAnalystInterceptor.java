package dev.dmbot.server.access;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Keeps an ANALYST token bound to accounts inside them: a request must name one of its
 * accounts (the {@code account} path variable or parameter), or go to a handler that
 * filters by account ({@link FiltersAccounts}). Anything else spans every account and is
 * refused with 403, whether it reads (leads of all accounts, dead letters) or changes
 * what every account shares (the rules). One rule for every controller, so a new
 * account-scoped API is covered without code of its own.
 * <p>
 * AGENT tokens are left to the inbox and escalation APIs, which filter by account.
 */
final class BoundAnalystInterceptor implements HandlerInterceptor {

	private final AccessErrors errors;

	BoundAnalystInterceptor(AccessErrors errors) {
		this.errors = errors;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof TokenAuthentication token) || !token.isAuthenticated()
				|| token.role() != Role.ANALYST || token.accounts().isEmpty()) {
			return true;
		}
		String account = account(request);
		if (account != null) {
			if (token.accounts().contains(account)) {
				return true;
			}
			this.errors.outsideAccounts(response, "The token '" + token.getName() + "' sees only the accounts "
					+ String.join(", ", token.accounts().stream().sorted().toList()) + ", not " + account + ".");
			return false;
		}
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(FiltersAccounts.class)) {
			return true;
		}
		this.errors.outsideAccounts(response,
				request.getMethod() + " " + request.getRequestURI() + " spans every account, but the token '"
						+ token.getName() + "' is bound to "
						+ String.join(", ", token.accounts().stream().sorted().toList())
						+ ". Name the account (?account=…) where the API takes one, or use an ANALYST token created "
						+ "without accounts.");
		return false;
	}

	private static String account(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get("account") instanceof String account && !account.isBlank()) {
			return account.strip();
		}
		String parameter = request.getParameter("account");
		return (parameter == null || parameter.isBlank()) ? null : parameter.strip();
	}

}
