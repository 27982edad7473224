package dev.dmbot.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a token, the only form in which a token is kept. A plain hash suffices (no
 * salt, no slow hash): issued tokens carry 256 random bits, so there is nothing to guess
 * from a leaked hash, and a fast hash keeps the per-request check cheap.
 */
final class TokenDigest {

	private TokenDigest() {
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	static String hex(String token) {
		return HexFormat.of().formatHex(sha256(token));
	}

	/** Compares in time independent of where the two differ (and of their lengths). */
	static boolean sameToken(String candidate, byte[] expectedDigest) {
		return MessageDigest.isEqual(sha256(candidate), expectedDigest);
	}

}
