package dev.dmbot.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.dmbot.server.system.MetaProperties;
import dev.dmbot.server.system.MetaSignature;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header over the raw request bytes, in
 * constant time. Either configured secret is accepted, because Instagram-Login apps may
 * sign with the Instagram app secret rather than the Meta app secret.
 */
@Component
class SignatureVerifier {

	private final List<byte[]> secrets = new ArrayList<>();

	SignatureVerifier(MetaProperties meta) {
		this.secrets.add(meta.appSecret().getBytes(StandardCharsets.UTF_8));
		if (meta.appSecretAlt() != null && !meta.appSecretAlt().isBlank()) {
			this.secrets.add(meta.appSecretAlt().getBytes(StandardCharsets.UTF_8));
		}
	}

	boolean isValid(byte[] body, String header) {
		String prefix = MetaSignature.PREFIX;
		if (header == null || !header.startsWith(prefix) || header.length() != prefix.length() + 64) {
			return false;
		}
		byte[] claimed;
		try {
			claimed = HexFormat.of().parseHex(header.substring(prefix.length()).toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean valid = false;
		for (byte[] secret : this.secrets) {
			// No early exit: checking every secret keeps the time independent of which
			// one matched.
			valid |= MessageDigest.isEqual(MetaSignature.hmac(secret, body), claimed);
		}
		return valid;
	}

}
