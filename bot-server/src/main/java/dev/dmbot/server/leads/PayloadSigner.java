package dev.dmbot.server.leads;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way Meta signs its own: {@code sha256=} and the lower-case hex
 * HMAC-SHA256 of the raw bytes under the shared secret. The secret stays in here.
 */
final class PayloadSigner {

	static final String HEADER = "X-Dmbot-Signature-256";

	private final SecretKeySpec key;

	PayloadSigner(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	String sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "PayloadSigner[(secret hidden)]";
	}

}
