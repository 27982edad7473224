package dev.dmbot.server.system;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: HMAC-SHA256 of the raw body with the app secret, sent as
 * {@code sha256=<hex>}.
 */
public final class MetaSignature {

	public static final String HEADER = "X-Hub-Signature-256";

	public static final String PREFIX = "sha256=";

	private MetaSignature() {
	}

	/** The header value Meta would send for this body. */
	public static String sign(byte[] secret, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
	}

	public static byte[] hmac(byte[] secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
