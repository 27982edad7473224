package dev.dmbot.server.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer's Instagram profile as Meta's User Profile API gives it.
 *
 * @param name the display name; may be {@code null} (Meta leaves it out for some users)
 * @param username the Instagram username; may be {@code null}
 */
public record Profile(String name, String username) {

	public Profile {
		name = blankToNull(name);
		username = blankToNull(username);
	}

	/** The first word of the name, {@code null} when there is no name. */
	public String firstName() {
		return this.name == null ? null : this.name.strip().split("\\s+", 2)[0];
	}

	/**
	 * The reply-template attributes this profile knows: {@code first_name} and
	 * {@code username}, each only when present.
	 */
	public Map<String, String> attributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		if (firstName() != null) {
			attributes.put("first_name", firstName());
		}
		if (this.username != null) {
			attributes.put("username", this.username);
		}
		return attributes;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
