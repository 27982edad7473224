package dev.dmbot.server.access;

import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Who makes a request to a protected API, for controllers outside this package: the
 * token's name, its role and the Instagram accounts it is bound to.
 *
 * @param accounts the accounts whose conversations the caller may see; empty means all
 * (every token but an AGENT token created with {@code "accounts"})
 */
public record Caller(String name, Role role, Set<String> accounts) {

	public Caller {
		accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
	}

	/**
	 * The caller behind Spring Security's authentication of a protected request.
	 * @throws IllegalStateException when the request was not authenticated by a token
	 */
	public static Caller of(Authentication authentication) {
		if (authentication instanceof TokenAuthentication token && token.isAuthenticated()) {
			return new Caller(token.getName(), token.role(), token.accounts());
		}
		throw new IllegalStateException("The request was not authenticated with a bearer token");
	}

	/** Whether the caller may see the conversations of this account. */
	public boolean sees(String accountId) {
		return this.accounts.isEmpty() || this.accounts.contains(accountId);
	}

}
