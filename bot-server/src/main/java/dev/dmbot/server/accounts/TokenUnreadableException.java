package dev.dmbot.server.accounts;

import dev.dmbot.server.system.PermanentException;

/**
 * A value stored encrypted could not be decrypted: written under a key this server does
 * not hold, or altered. The message names the account and the key, never the value.
 */
public class TokenUnreadableException extends PermanentException {

	TokenUnreadableException(String message, Throwable cause) {
		super(message, cause);
	}

}
