package dev.dmbot.server.access;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller of the protected APIs: before authentication it carries the presented bearer
 * token; once authenticated only the token's name and role, never the token.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

	private final String name;

	private final Role role;

	private transient BearerToken token;

	private TokenAuthentication(BearerToken token) {
		super(List.of());
		this.name = null;
		this.role = null;
		this.token = token;
	}

	private TokenAuthentication(String name, Role role) {
		super(List.of(new SimpleGrantedAuthority(role.authority())));
		this.name = name;
		this.role = role;
		super.setAuthenticated(true);
	}

	static TokenAuthentication unauthenticated(BearerToken token) {
		return new TokenAuthentication(token);
	}

	static TokenAuthentication authenticated(String name, Role role) {
		return new TokenAuthentication(name, role);
	}

	BearerToken token() {
		return this.token;
	}

	Role role() {
		return this.role;
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
		return "TokenAuthentication[name=" + this.name + ", role=" + this.role + ", authenticated=" + isAuthenticated()
				+ "]";
	}

}
