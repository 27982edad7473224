package dev.dmbot.server.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which roles may call which paths. Spring Security is configured from these rules and
 * the 403 answer is worded from them, so the two cannot disagree. The first matching rule
 * decides; paths no rule matches are open.
 */
final class AccessPolicy {

	static final List<Rule> RULES = List.of(Rule.of("/api/admin/tokens/**", Role.ADMIN),
			Rule.of("/api/admin/privacy/**", Role.ADMIN),
			Rule.of("/api/admin/accounts/activity", Role.ADMIN, Role.ANALYST),
			Rule.of("/api/admin/accounts/**", Role.ADMIN), Rule.of("/api/admin/**", Role.ADMIN, Role.ANALYST),
			Rule.of("/api/agent/**", Role.AGENT, Role.ADMIN), Rule.of("/api/escalations/**", Role.AGENT, Role.ADMIN),
			Rule.of("/api/leads/**", Role.ADMIN, Role.ANALYST),
			Rule.of("/api/contacts/**", Role.ADMIN, Role.ANALYST, Role.INTEGRATION),
			Rule.of("/api/conversions/**", Role.ADMIN, Role.ANALYST, Role.INTEGRATION));

	/** Every path some rule protects: the only requests Spring Security sees. */
	static final RequestMatcher PROTECTED = new OrRequestMatcher(
			RULES.stream().map(Rule::matcher).collect(Collectors.toList()));

	private AccessPolicy() {
	}

	/** The roles allowed to make this request; empty when it is open to anyone. */
	static Set<Role> requiredRoles(HttpServletRequest request) {
		for (Rule rule : RULES) {
			if (rule.matcher().matches(request)) {
				return rule.roles();
			}
		}
		return Set.of();
	}

	/** "ADMIN or ANALYST", for messages. */
	static String describe(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(" or "));
	}

	static boolean allows(Role role, HttpServletRequest request) {
		Set<Role> required = requiredRoles(request);
		return required.isEmpty() || required.contains(role);
	}

	/** A path pattern ({@code /**} also matches the path itself) and who may call it. */
	record Rule(String pattern, Set<Role> roles, RequestMatcher matcher) {

		static Rule of(String pattern, Role first, Role... more) {
			return new Rule(pattern, Collections.unmodifiableSet(EnumSet.of(first, more)),
					PathPatternRequestMatcher.pathPattern(pattern));
		}

		String[] roleNames() {
			return this.roles.stream().map(Role::name).toArray(String[]::new);
		}

	}

}
