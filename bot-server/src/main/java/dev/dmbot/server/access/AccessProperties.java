package dev.dmbot.server.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access to the admin, analyst and agent APIs.
 *
 * @param adminToken the bootstrap admin's bearer token, used to create the first named
 * tokens; in sandbox mode {@value #SANDBOX_ADMIN_TOKEN} when unset, otherwise unset means
 * the admin APIs are locked
 */
@ConfigurationProperties("bot.security")
public record AccessProperties(String adminToken) {

	/**
	 * Used only in sandbox mode so a newcomer can try the admin API; documented in the
	 * README.
	 */
	public static final String SANDBOX_ADMIN_TOKEN = "sandbox-admin-token";

	static final int MIN_ADMIN_TOKEN_LENGTH = 16;

	public AccessProperties {
		adminToken = (adminToken == null || adminToken.isBlank()) ? null : adminToken;
		if (adminToken != null && adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
			// The length only: the value is a secret.
			throw new IllegalArgumentException(
					"bot.security.admin-token must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters long, but has "
							+ adminToken.length() + ". Generate one with: openssl rand -base64 32");
		}
	}

	@Override
	public String toString() {
		// Secrets never reach logs, even through a debug dump of the configuration.
		return "AccessProperties[adminToken=" + (this.adminToken == null ? "unset" : "set") + "]";
	}

}
