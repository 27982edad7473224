package dev.dmbot.server.access;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * The token of an {@code Authorization: Bearer <token>} header (RFC 6750, section 2.1).
 * Its {@link #toString()} hides the value, so it cannot reach a log by accident.
 */
record BearerToken(String value) {

	private static final String SCHEME = "Bearer";

	/** RFC 6750's b64token: base64 and base64url characters, then optional padding. */
	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	/**
	 * The token in this {@code Authorization} header value.
	 * @return empty when there is no header
	 * @throws BadCredentialsException when the header is not a well-formed bearer token;
	 * the message does not repeat the header
	 */
	static Optional<BearerToken> fromHeader(String header) {
		if (header == null || header.isEmpty()) {
			return Optional.empty();
		}
		if (!header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
			throw new BadCredentialsException(
					"The Authorization header must be 'Bearer <token>'; other schemes are not accepted");
		}
		String token = header.substring(SCHEME.length() + 1).strip();
		if (!B64TOKEN.matcher(token).matches()) {
			throw new BadCredentialsException("The bearer token is empty or contains characters no token has");
		}
		return Optional.of(new BearerToken(token));
	}

	@Override
	public String toString() {
		return "BearerToken[****]";
	}

}
