package dev.dmbot.server.accounts;

import java.util.Objects;

/**
 * The access token an account calls Meta's Graph API with. Its only way out is the
 * {@code Authorization} header value ({@link #bearer()}); {@link #toString()} never shows
 * it, so a token cannot reach a log line, an exception message or a metric by accident.
 */
public final class AccessToken {

	private final String value;

	private AccessToken(String value) {
		this.value = value;
	}

	/**
	 * @throws IllegalArgumentException when {@code value} is blank (the message does not
	 * repeat it)
	 */
	public static AccessToken of(String value) {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("an access token must not be blank");
		}
		return new AccessToken(value);
	}

	/** The value of the {@code Authorization} header: {@code Bearer <token>}. */
	public String bearer() {
		return "Bearer " + this.value;
	}

	/** The token itself, for this package's cipher only. */
	String value() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccessToken token && this.value.equals(token.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "AccessToken[redacted]";
	}

}
