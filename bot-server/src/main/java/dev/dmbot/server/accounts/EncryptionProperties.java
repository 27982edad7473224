package dev.dmbot.server.accounts;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that encrypt secrets kept in Redis, such as connected accounts' access tokens.
 *
 * @param encryptionKey the current key: 32 random bytes in base64 ({@code openssl rand
 * -base64 32}); everything is written under it. Unset, nothing secret can be stored, and
 * connecting an account says so
 * @param previousEncryptionKeys keys used before, still read: a value written under one
 * of them is decrypted and written again under the current key the first time it is read.
 * Rotating is: put the current key here, set a new current key, restart
 */
@ConfigurationProperties("bot.security")
public record EncryptionProperties(String encryptionKey, List<String> previousEncryptionKeys) {

	/** AES-256. */
	static final int KEY_BYTES = 32;

	static final String HOW_TO_GENERATE = "Generate one with: openssl rand -base64 32";

	public EncryptionProperties {
		encryptionKey = (encryptionKey == null || encryptionKey.isBlank()) ? null : encryptionKey.strip();
		List<String> previous = new ArrayList<>();
		if (previousEncryptionKeys != null) {
			for (String key : previousEncryptionKeys) {
				if (key != null && !key.isBlank()) {
					previous.add(key.strip());
				}
			}
		}
		previousEncryptionKeys = List.copyOf(previous);
		if (encryptionKey != null) {
			decode("bot.security.encryption-key", encryptionKey);
		}
		for (int i = 0; i < previousEncryptionKeys.size(); i++) {
			decode("bot.security.previous-encryption-keys[" + i + "]", previousEncryptionKeys.get(i));
		}
		if (encryptionKey == null && !previousEncryptionKeys.isEmpty()) {
			throw new IllegalArgumentException("bot.security.previous-encryption-keys is set but "
					+ "bot.security.encryption-key is not: values are read with the previous keys and written "
					+ "under the current one, so set the current key too. " + HOW_TO_GENERATE);
		}
	}

	/**
	 * The 32 bytes of a key.
	 * @throws IllegalArgumentException naming the property, never showing the value
	 */
	static byte[] decode(String property, String key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					property + " must be " + KEY_BYTES + " bytes in base64, but is not base64. " + HOW_TO_GENERATE);
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException(property + " must be " + KEY_BYTES + " bytes in base64 (a 256-bit key), "
					+ "but holds " + bytes.length + " bytes. " + HOW_TO_GENERATE);
		}
		return bytes;
	}

	@Override
	public String toString() {
		// Secrets never reach logs, even through a debug dump of the configuration.
		return "EncryptionProperties[encryptionKey=" + (this.encryptionKey == null ? "unset" : "set")
				+ ", previousEncryptionKeys=" + this.previousEncryptionKeys.size() + "]";
	}

}
