package dev.dmbot.server.access;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoreTest {

	@Test
	void newTokensAreRecognisableBase64urlOf32RandomBytes() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String token = TokenStore.newToken();
			assertThat(token).startsWith("dmbot_").matches("dmbot_[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(token.substring("dmbot_".length()))).hasSize(32);
			assertThat(BearerToken.fromHeader("Bearer " + token)).contains(new BearerToken(token));
			tokens.add(token);
		}
		assertThat(tokens).hasSize(100);
	}

	@Test
	void tokensAreKeptAsTheirSha256() {
		assertThat(TokenDigest.hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(TokenDigest.sameToken("abc", TokenDigest.sha256("abc"))).isTrue();
		assertThat(TokenDigest.sameToken("abd", TokenDigest.sha256("abc"))).isFalse();
	}

}
