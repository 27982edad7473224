package dev.dmbot.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * AES-GCM for tokens at rest: a fresh IV per value, bound to its account, read under the
 * current or a previous key and never shown in a message.
 */
class TokenCipherTest {

	static final String TOKEN = "IGAAT-long-lived-token-never-shown";

	static final String ACCOUNT = "17841400000000123";

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	static TokenCipher cipher(String current, String... previous) {
		return TokenCipher.of(new EncryptionProperties(current, List.of(previous)));
	}

	@Test
	void aTokenRoundTripsUnderTheCurrentKeyWithoutShowingItself() {
		TokenCipher cipher = cipher(newKey());

		String stored = cipher.encrypt(TOKEN, ACCOUNT);

		assertThat(stored).startsWith("v1:").doesNotContain(TOKEN);
		TokenCipher.Decrypted decrypted = cipher.decrypt(stored, ACCOUNT);
		assertThat(decrypted.plaintext()).isEqualTo(TOKEN);
		assertThat(decrypted.underCurrentKey()).isTrue();
		assertThat(decrypted.toString()).doesNotContain(TOKEN);
	}

	@Test
	void everyValueHasItsOwnIv() {
		TokenCipher cipher = cipher(newKey());

		assertThat(cipher.encrypt(TOKEN, ACCOUNT)).isNotEqualTo(cipher.encrypt(TOKEN, ACCOUNT));
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(TOKEN, ACCOUNT).split(":")[2]);
		assertThat(sealed).hasSize(12 + TOKEN.length() + 16);
	}

	@Test
	void aValueCopiedOntoAnotherAccountDoesNotDecrypt() {
		TokenCipher cipher = cipher(newKey());
		String stored = cipher.encrypt(TOKEN, ACCOUNT);

		assertThatThrownBy(() -> cipher.decrypt(stored, "17841400000000999"))
			.isInstanceOf(TokenUnreadableException.class)
			.hasMessageContaining("17841400000000999")
			.hasMessageNotContaining(TOKEN);
	}

	@Test
	void anAlteredValueDoesNotDecrypt() {
		TokenCipher cipher = cipher(newKey());
		String stored = cipher.encrypt(TOKEN, ACCOUNT);
		byte[] sealed = Base64.getDecoder().decode(stored.split(":")[2]);
		sealed[sealed.length - 1] ^= 1;
		String altered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(sealed);

		assertThatThrownBy(() -> cipher.decrypt(altered, ACCOUNT)).isInstanceOf(TokenUnreadableException.class)
			.hasMessageContaining("altered");
	}

	@Test
	void aValueWrittenUnderAPreviousKeyIsReadAndDueForRewriting() {
		String old = newKey();
		String stored = cipher(old).encrypt(TOKEN, ACCOUNT);
		TokenCipher rotated = cipher(newKey(), old);

		TokenCipher.Decrypted decrypted = rotated.decrypt(stored, ACCOUNT);

		assertThat(decrypted.plaintext()).isEqualTo(TOKEN);
		assertThat(decrypted.underCurrentKey()).isFalse();
		assertThat(rotated.decrypt(rotated.encrypt(TOKEN, ACCOUNT), ACCOUNT).underCurrentKey()).isTrue();
	}

	@Test
	void aValueUnderAKeyNoLongerSetIsRefusedNamingWhatToDo() {
		String stored = cipher(newKey()).encrypt(TOKEN, ACCOUNT);

		assertThatThrownBy(() -> cipher(newKey()).decrypt(stored, ACCOUNT)).isInstanceOf(TokenUnreadableException.class)
			.hasMessageContaining("bot.security.previous-encryption-keys")
			.hasMessageNotContaining(TOKEN);
	}

	@Test
	void withoutAKeyNothingIsEncryptedAndTheMessageSaysHowToMakeOne() {
		TokenCipher cipher = cipher(null);

		assertThat(cipher.canEncrypt()).isFalse();
		assertThatThrownBy(() -> cipher.encrypt(TOKEN, ACCOUNT)).isInstanceOf(EncryptionKeyMissingException.class)
			.hasMessageContaining("bot.security.encryption-key")
			.hasMessageContaining("openssl rand -base64 32")
			.hasMessageNotContaining(TOKEN);
	}

	@Test
	void aKeyOfTheWrongSizeIsRefusedAtStartUpWithoutShowingIt() {
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatIllegalArgumentException().isThrownBy(() -> new EncryptionProperties(short16, List.of()))
			.withMessageContaining("bot.security.encryption-key")
			.withMessageContaining("holds 16 bytes")
			.withMessageNotContaining(short16);
		assertThatIllegalArgumentException().isThrownBy(() -> new EncryptionProperties("not base64!", List.of()))
			.withMessageContaining("not base64");
		assertThatIllegalArgumentException().isThrownBy(() -> new EncryptionProperties(newKey(), List.of(short16)))
			.withMessageContaining("bot.security.previous-encryption-keys[0]");
		assertThatIllegalArgumentException().isThrownBy(() -> new EncryptionProperties(null, List.of(newKey())))
			.withMessageContaining("bot.security.encryption-key is not");
	}

	@Test
	void thePropertiesNeverShowTheKeys() {
		String key = newKey();

		assertThat(new EncryptionProperties(key, List.of()).toString()).doesNotContain(key).contains("set");
	}

}
