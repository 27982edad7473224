package dev.dmbot.server.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dmbot.server.system.MetaSignature;

/**
 * Meta's {@code signed_request}: {@code base64url(signature).base64url(payload)}, the
 * signature being HMAC-SHA256 of the encoded payload with the app secret. The signature
 * is checked, in constant time and against every accepted secret, before the payload is
 * read.
 *
 * @param userId the app-scoped id of the person whose data must go
 * @param issuedAt when Meta issued the request (epoch seconds), or 0 when absent
 */
record SignedRequest(String userId, long issuedAt) {

	/** What an id may look like: Meta's are digits; nothing that a key pattern reads. */
	static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final int MAX_LENGTH = 8192;

	static SignedRequest verify(String value, List<byte[]> secrets, JsonMapper json) {
		if (value == null || value.isBlank()) {
			throw new InvalidSignedRequestException(false, "signed_request is missing");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidSignedRequestException(false,
					"signed_request is longer than " + MAX_LENGTH + " characters");
		}
		int dot = value.indexOf('.');
		if (dot <= 0 || dot == value.length() - 1 || value.indexOf('.', dot + 1) >= 0) {
			throw new InvalidSignedRequestException(false,
					"signed_request must be <base64url signature>.<base64url payload>");
		}
		String encodedPayload = value.substring(dot + 1);
		byte[] signature = decode(value.substring(0, dot), "signature");
		byte[] payload = decode(encodedPayload, "payload");
		boolean valid = false;
		for (byte[] secret : secrets) {
			// No early exit: the time does not say which secret matched.
			valid |= MessageDigest
				.isEqual(MetaSignature.hmac(secret, encodedPayload.getBytes(StandardCharsets.US_ASCII)), signature);
		}
		if (!valid) {
			throw new InvalidSignedRequestException(true,
					"the signature of signed_request does not match the app secret");
		}
		JsonNode node;
		try {
			node = json.readTree(payload);
		}
		catch (RuntimeException ex) {
			throw new InvalidSignedRequestException(false, "the payload of signed_request is not JSON");
		}
		String algorithm = node.path("algorithm").asString("");
		if (!"HMAC-SHA256".equalsIgnoreCase(algorithm)) {
			throw new InvalidSignedRequestException(false,
					"the payload's algorithm must be HMAC-SHA256, but was '" + abbreviate(algorithm) + "'");
		}
		JsonNode user = node.path("user_id");
		String userId = (user.isString() || user.isIntegralNumber()) ? user.asString() : "";
		if (!USER_ID.matcher(userId).matches()) {
			throw new InvalidSignedRequestException(false,
					"the payload's user_id is missing or not an id (letters, digits, '_' or '-', at most 64)");
		}
		return new SignedRequest(userId, node.path("issued_at").asLong(0));
	}

	private static byte[] decode(String part, String name) {
		try {
			// Meta writes base64url without padding; accept the standard alphabet too.
			return Base64.getUrlDecoder().decode(part.replace('+', '-').replace('/', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSignedRequestException(false, "the " + name + " of signed_request is not base64url");
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 20) ? text.substring(0, 17) + "..." : text;
	}

}
