package dev.dmbot.server.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.dmbot.server.system.MetaProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

	// The test vector from Meta's signing rules: secret, 95-byte body and the signature
	// Meta would send.
	static final byte[] BODY = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000001\",\"time\":1767225600000,\"messaging\":[]}]}"
		.getBytes(StandardCharsets.UTF_8);

	static final String SIGNATURE = "sha256=5eb22128c4624344caf949798fef795b23bd8d9c151cff4ebfde2b608d539a33";

	@Test
	void acceptsMetasSignatureOfTheRawBytes() {
		assertThat(verifier("test_app_secret", null).isValid(BODY, SIGNATURE)).isTrue();
	}

	@Test
	void acceptsTheAlternativeInstagramAppSecret() {
		assertThat(verifier("some-other-secret", "test_app_secret").isValid(BODY, SIGNATURE)).isTrue();
	}

	@Test
	void refusesAWrongSecretAMissingHeaderAndGarbage() {
		SignatureVerifier verifier = verifier("wrong", null);
		assertThat(verifier.isValid(BODY, SIGNATURE)).isFalse();
		assertThat(verifier("test_app_secret", null).isValid(BODY, null)).isFalse();
		assertThat(verifier("test_app_secret", null).isValid(BODY, "sha256=zz")).isFalse();
		assertThat(verifier("test_app_secret", null).isValid(BODY, "sha1=4ea6c4ba8502909f559a06e942b65f16ed067c4b"))
			.isFalse();
	}

	@Test
	void refusesABodyChangedByOneByte() {
		byte[] tampered = BODY.clone();
		tampered[tampered.length - 3] = ' ';
		assertThat(verifier("test_app_secret", null).isValid(tampered, SIGNATURE)).isFalse();
	}

	private static SignatureVerifier verifier(String secret, String alt) {
		return new SignatureVerifier(
				new MetaProperties(secret, alt, "v", "token", "1", URI.create("https://graph.instagram.com/v25.0")));
	}

}
