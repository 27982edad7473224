package dev.dmbot.server.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a token may do; the Spring Security authority is {@code ROLE_} + the name. */
public enum Role {

	/** Everything, including creating and revoking tokens. */
	ADMIN,

	/** The admin API except tokens: rules, versions, explain, dead letters. */
	ANALYST,

	/** The agent API: escalations and the inbox. */
	AGENT,

	/**
	 * Another system of the business, such as the online shop: pushes contact attributes
	 * (last product viewed, abandoned cart) and nothing else.
	 */
	INTEGRATION;

	/** The Spring Security authority granted to a token with this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The role with this name, in any letter case.
	 * @throws IllegalArgumentException naming the allowed roles when there is none
	 */
	public static Role parse(String name) {
		if (name != null) {
			for (Role role : values()) {
				if (role.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
					return role;
				}
			}
		}
		throw new IllegalArgumentException("role must be one of " + allowed() + ", but was '" + name + "'");
	}

	static String allowed() {
		return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
	}

}
