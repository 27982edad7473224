package dev.dmbot.server.access;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller of the protected APIs: before authentication it carries the presented bearer
 * token; once authenticated only the token's name, role and bound accounts, never the
 * token.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

	private final String name;

	private final Role role;

	private final Set<String> accounts;

	private transient BearerToken token;

	private TokenAuthentication(BearerToken token) {
		super(List.of());
		this.name = null;
		this.role = null;
		this.accounts = Set.of();
		this.token = token;
	}

	private TokenAuthentication(String name, Role role, Set<String> accounts) {
		super(List.of(new SimpleGrantedAuthority(role.authority())));
		this.name = name;
		this.role = role;
		this.accounts = Set.copyOf(accounts);
		super.setAuthenticated(true);
	}

	static TokenAuthentication unauthenticated(BearerToken token) {
		return new TokenAuthentication(token);
	}

	static TokenAuthentication authenticated(String name, Role role) {
		return new TokenAuthentication(name, role, Set.of());
	}

	/**
	 * @param accounts the Instagram accounts the token is bound to; empty: all
	 */
	static TokenAuthentication authenticated(String name, Role role, Set<String> accounts) {
		return new TokenAuthentication(name, role, accounts);
	}

	BearerToken token() {
		return this.token;
	}

	Role role() {
		return this.role;
	}

	/** The Instagram accounts whose conversations this caller may see; empty: all. */
	Set<String> accounts() {
		return this.accounts;
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Object getCredentials() {
		// The token is not handed out, so nothing downstream can log it.
		return null;
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("Only the token authentication provider marks a caller authenticated");
		}
		super.setAuthenticated(false);
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.token = null;
	}

	@Override
	public String toString() {
		return "TokenAuthentication[name=" + this.name + ", role=" + this.role + ", accounts=" + this.accounts
				+ ", authenticated=" + isAuthenticated() + "]";
	}

}
