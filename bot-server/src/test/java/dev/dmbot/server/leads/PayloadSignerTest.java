package dev.dmbot.server.leads;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadSignerTest {

	@Test
	void signatureIsSha256PrefixedLowerCaseHexHmacOfTheRawBody() {
		// RFC 4231 test case 2.
		PayloadSigner signer = new PayloadSigner("Jefe");

		assertThat(signer.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void anyChangeToTheBodyOrTheSecretChangesTheSignature() {
		byte[] body = "{\"event\":\"lead.qualified\"}".getBytes(StandardCharsets.UTF_8);
		byte[] changed = "{\"event\":\"lead.qualified\" }".getBytes(StandardCharsets.UTF_8);
		String signature = new PayloadSigner("s3cret").sign(body);

		assertThat(new PayloadSigner("s3cret").sign(body)).isEqualTo(signature);
		assertThat(new PayloadSigner("s3cret").sign(changed)).isNotEqualTo(signature);
		assertThat(new PayloadSigner("s3cret!").sign(body)).isNotEqualTo(signature);
	}

	@Test
	void theSecretIsNotInTheSignerDescription() {
		assertThat(new PayloadSigner("do-not-print-me")).asString().doesNotContain("do-not-print-me");
	}

}
