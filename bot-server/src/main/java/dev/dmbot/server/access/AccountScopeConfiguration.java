package dev.dmbot.server.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link BoundAnalystInterceptor} in front of every protected API. */
@Configuration(proxyBeanMethods = false)
class AccountScopeConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	AccountScopeConfiguration(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new BoundAnalystInterceptor(new AccessErrors(this.json)))
			.addPathPatterns(AccessPolicy.RULES.stream().map(AccessPolicy.Rule::pattern).toList());
	}

}
