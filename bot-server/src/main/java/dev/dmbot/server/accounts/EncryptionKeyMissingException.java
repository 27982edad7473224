package dev.dmbot.server.accounts;

import dev.dmbot.server.system.PermanentException;

/**
 * A secret was to be written to Redis, but {@code bot.security.encryption-key} is not
 * set. The message says which property to set and how to make a key.
 */
public class EncryptionKeyMissingException extends PermanentException {

	EncryptionKeyMissingException(String what) {
		super(what + " needs bot.security.encryption-key, which is not set: access tokens are kept in Redis "
				+ "only encrypted. " + EncryptionProperties.HOW_TO_GENERATE
				+ ", set it (for instance as the environment variable BOT_SECURITY_ENCRYPTION_KEY) on every "
				+ "instance, and restart. Keep it with your other secrets: tokens stored under it cannot be read "
				+ "without it.", null);
	}

}
