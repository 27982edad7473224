package dev.dmbot.server.access;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns a presented bearer token into a caller: the bootstrap admin, or a token found in
 * Redis. Being an {@link AuthenticationProvider} bean also keeps Spring Boot from
 * creating its default user with a generated password.
 */
@Component
class TokenAuthenticationProvider implements AuthenticationProvider {

	private final BootstrapAdmin bootstrapAdmin;

	private final TokenStore tokens;

	TokenAuthenticationProvider(BootstrapAdmin bootstrapAdmin, TokenStore tokens) {
		this.bootstrapAdmin = bootstrapAdmin;
		this.tokens = tokens;
	}

	/**
	 * @throws BadCredentialsException when the token is unknown or revoked
	 * @throws TokenStoreUnavailableException when Redis cannot be asked
	 */
	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((TokenAuthentication) authentication).token().value();
		if (this.bootstrapAdmin.matches(token)) {
			return TokenAuthentication.authenticated(BootstrapAdmin.NAME, Role.ADMIN);
		}
		StoredToken stored = this.tokens.find(token)
			.orElseThrow(() -> new BadCredentialsException("Unknown or revoked token"));
		return TokenAuthentication.authenticated(stored.name(), stored.role(),
				stored.accounts() == null ? Set.of() : Set.copyOf(stored.accounts()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return TokenAuthentication.class.isAssignableFrom(authentication);
	}

}
