package dev.dmbot.server.access;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One security chain, for the protected paths of {@link AccessPolicy} only: other
 * requests (the webhook with its own signature check, the playground, actuator) never
 * enter it, so the webhook's hot path is as it was. Stateless, no cookies (hence no CSRF
 * protection to need), no login page, no HTTP Basic: a bearer token or nothing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain accessFilterChain(HttpSecurity http, TokenAuthenticationProvider provider, JsonMapper json)
			throws Exception {
		AccessErrors errors = new AccessErrors(json);
		http.securityMatcher(AccessPolicy.PROTECTED)
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(new ProviderManager(provider), errors),
					AnonymousAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.authorizeHttpRequests(requests -> {
				// The second dispatch of a long-running answer (the live escalation
				// stream)
				// carries no token; the request that started it was authorized.
				requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
				for (AccessPolicy.Rule rule : AccessPolicy.RULES) {
					requests.requestMatchers(rule.matcher()).hasAnyRole(rule.roleNames());
				}
				requests.anyRequest().denyAll();
			});
		return http.build();
	}

}
