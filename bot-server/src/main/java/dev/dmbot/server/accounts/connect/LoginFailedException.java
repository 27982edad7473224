package dev.dmbot.server.accounts.connect;

import dev.dmbot.server.system.PermanentException;

/**
 * A login that ended without a connected account, and why. Nothing was stored. The
 * details never hold a token, a code or a secret.
 */
public class LoginFailedException extends PermanentException {

	private final LoginFailure failure;

	private final String details;

	LoginFailedException(LoginFailure failure, String details) {
		super(failure.name() + ": " + details, null);
		this.failure = failure;
		this.details = details;
	}

	public LoginFailure failure() {
		return this.failure;
	}

	/** What happened in this case, beyond {@link LoginFailure#headline()}. */
	public String details() {
		return this.details;
	}

}
