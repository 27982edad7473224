package dev.dmbot.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	/**
	 * One MAC per secret, keyed once. Every delivery clones it: looking the algorithm up
	 * and keying it again cost more than the hashing of a typical body.
	 */
	private final List<Mac> keyed = new ArrayList<>();

	SignatureVerifier(MetaProperties meta) {
		this.keyed.add(keyed(meta.appSecret()));
		if (meta.appSecretAlt() != null && !meta.appSecretAlt().isBlank()) {
			this.keyed.add(keyed(meta.appSecretAlt()));
		}
	}

	private static Mac keyed(String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	private static byte[] hmac(Mac keyed, byte[] body) {
		try {
			return ((Mac) keyed.clone()).doFinal(body);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The HmacSHA256 provider of this JVM cannot be cloned", ex);
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
		for (Mac mac : this.keyed) {
			// No early exit: checking every secret keeps the time independent of which
			// one matched.
			valid |= MessageDigest.isEqual(hmac(mac, body), claimed);
		}
		return valid;
	}

}
