package dev.dmbot.server.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dmbot.server.system.MetaProperties;

/**
 * The admin who exists before any token was created: whoever presents
 * {@code bot.security.admin-token}. In sandbox mode it defaults to
 * {@link AccessProperties#SANDBOX_ADMIN_TOKEN}; outside sandbox mode, unset means nobody
 * is the bootstrap admin and the admin APIs stay locked until it is set.
 */
@Component
class BootstrapAdmin {

	/** The principal name of the bootstrap admin, recorded as "created by". */
	static final String NAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final byte[] tokenDigest;

	BootstrapAdmin(AccessProperties access, MetaProperties meta) {
		String token = access.adminToken();
		if (token == null && meta.sandbox()) {
			token = AccessProperties.SANDBOX_ADMIN_TOKEN;
		}
		if (!meta.sandbox() && AccessProperties.SANDBOX_ADMIN_TOKEN.equals(token)) {
			throw new IllegalArgumentException("bot.security.admin-token must not be the documented sandbox token "
					+ "when bot.meta.access-token is set: anyone could administer the bot. "
					+ "Generate one with: openssl rand -base64 32");
		}
		if (token == null) {
			log.warn("Admin APIs (/api/admin/**) are locked: bot.security.admin-token is not set. "
					+ "Set it to create the first tokens with POST /api/admin/tokens.");
		}
		// Kept as a digest: comparing digests takes the same time whatever the length.
		this.tokenDigest = (token != null) ? TokenDigest.sha256(token) : null;
	}

	/** Whether this is the bootstrap admin's token, compared in constant time. */
	boolean matches(String token) {
		return this.tokenDigest != null && TokenDigest.sameToken(token, this.tokenDigest);
	}

}
