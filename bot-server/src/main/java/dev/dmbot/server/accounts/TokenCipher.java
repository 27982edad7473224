package dev.dmbot.server.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets kept in Redis with AES-256-GCM: a random 12-byte IV per value and
 * the account id as associated data, so a value copied onto another account does not
 * decrypt. A stored value is {@code v1:<key id>:<base64 of IV and ciphertext>}; the key
 * id (the first 4 bytes of the key's SHA-256) says which of the current and previous keys
 * reads it, without revealing the key.
 */
final class TokenCipher {

	static final String VERSION = "v1";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	/** The current key first, then the previous ones; empty without a current key. */
	private final List<Key> keys;

	private TokenCipher(List<Key> keys) {
		this.keys = keys;
	}

	static TokenCipher of(EncryptionProperties properties) {
		List<Key> keys = new ArrayList<>();
		if (properties.encryptionKey() != null) {
			keys.add(Key.of(EncryptionProperties.decode("bot.security.encryption-key", properties.encryptionKey())));
			for (String previous : properties.previousEncryptionKeys()) {
				keys.add(Key.of(EncryptionProperties.decode("bot.security.previous-encryption-keys", previous)));
			}
		}
		return new TokenCipher(List.copyOf(keys));
	}

	/** Whether a current key is set, so that secrets can be written. */
	boolean canEncrypt() {
		return !this.keys.isEmpty();
	}

	/**
	 * {@code plaintext} encrypted under the current key, bound to {@code accountId}.
	 * @throws EncryptionKeyMissingException when no key is set
	 */
	String encrypt(String plaintext, String accountId) {
		if (!canEncrypt()) {
			throw new EncryptionKeyMissingException("Storing the access token of account " + accountId);
		}
		Key key = this.keys.get(0);
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = key.cipher(Cipher.ENCRYPT_MODE, iv, accountId);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/**
	 * The plaintext of a value written by {@link #encrypt} for {@code accountId}, under
	 * the current or a previous key.
	 * @throws TokenUnreadableException when no key held here reads it, or it was altered
	 */
	Decrypted decrypt(String stored, String accountId) {
		String[] parts = (stored == null) ? new String[0] : stored.split(":", 3);
		if (parts.length != 3 || !VERSION.equals(parts[0])) {
			throw new TokenUnreadableException(
					"The access token of account " + accountId + " is not stored in a form this server reads", null);
		}
		Optional<Key> key = this.keys.stream().filter((candidate) -> candidate.id().equals(parts[1])).findFirst();
		if (key.isEmpty()) {
			throw new TokenUnreadableException("The access token of account " + accountId
					+ " was encrypted under a key " + "(id " + parts[1]
					+ ") that is neither bot.security.encryption-key nor one of "
					+ "bot.security.previous-encryption-keys: set the key it was written under as a previous key, "
					+ "or connect the account again", null);
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(parts[2]);
			if (bytes.length <= IV_BYTES) {
				throw new TokenUnreadableException(
						"The access token of account " + accountId + " is stored truncated: connect the account again",
						null);
			}
			byte[] iv = new byte[IV_BYTES];
			System.arraycopy(bytes, 0, iv, 0, IV_BYTES);
			Cipher cipher = key.get().cipher(Cipher.DECRYPT_MODE, iv, accountId);
			byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
			return new Decrypted(new String(plain, StandardCharsets.UTF_8), key.get() == this.keys.get(0));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// AEADBadTagException: a wrong key, another account's value, or altered
			// bytes.
			throw new TokenUnreadableException(
					"The access token of account " + accountId + " does not decrypt under key " + parts[1]
							+ ": it was altered, or copied from another account; " + "connect the account again",
					null);
		}
	}

	@Override
	public String toString() {
		return "TokenCipher[keys=" + this.keys.size() + "]";
	}

	/**
	 * A decrypted value, and whether it was written under the current key (if not, it is
	 * due to be written again).
	 */
	record Decrypted(String plaintext, boolean underCurrentKey) {

		@Override
		public String toString() {
			return "Decrypted[plaintext=redacted, underCurrentKey=" + this.underCurrentKey + "]";
		}

	}

	private record Key(String id, SecretKeySpec spec) {

		static Key of(byte[] bytes) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
				return new Key(HexFormat.of().formatHex(digest, 0, 4), new SecretKeySpec(bytes, "AES"));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
			}
		}

		Cipher cipher(int mode, byte[] iv, String accountId) throws GeneralSecurityException {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.spec, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
			return cipher;
		}

		@Override
		public String toString() {
			return "Key[id=" + this.id + "]";
		}

	}

}
