package dev.dmbot.server.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignedRequestTest {

	static final byte[] SECRET = "app-secret-4f9a".getBytes(StandardCharsets.UTF_8);

	static final byte[] OTHER = "instagram-secret-77c1".getBytes(StandardCharsets.UTF_8);

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aRequestSignedWithEitherSecretNamesThePerson() {
		String payload = "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":1767225600,\"user_id\":\"1784140012\"}";

		SignedRequest request = SignedRequest.verify(sign("instagram-secret-77c1", payload), List.of(SECRET, OTHER),
				this.json);

		assertThat(request).isEqualTo(new SignedRequest("1784140012", 1767225600));
	}

	@Test
	void aNumericUserIdIsReadAsText() {
		SignedRequest request = SignedRequest.verify(
				sign("app-secret-4f9a", "{\"algorithm\":\"hmac-sha256\",\"user_id\":1784140012}"), List.of(SECRET),
				this.json);

		assertThat(request.userId()).isEqualTo("1784140012");
	}

	@Test
	void aTamperedPayloadIsForged() {
		String signed = sign("app-secret-4f9a", "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1\"}");
		String tampered = signed.substring(0, signed.indexOf('.') + 1)
				+ base64("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"2\"}");

		assertThatExceptionOfType(InvalidSignedRequestException.class)
			.isThrownBy(() -> SignedRequest.verify(tampered, List.of(SECRET), this.json))
			.satisfies((ex) -> assertThat(ex.forged()).isTrue())
			.withMessage("the signature of signed_request does not match the app secret");
	}

	@Test
	void malformedRequestsSayWhatIsWrong() {
		assertMalformed(null, "signed_request is missing");
		assertMalformed("abc", "signed_request must be <base64url signature>.<base64url payload>");
		assertMalformed("a.b.c", "signed_request must be <base64url signature>.<base64url payload>");
		assertMalformed("!!!." + base64("{}"), "the signature of signed_request is not base64url");
		assertMalformed("x".repeat(9000), "signed_request is longer than 8192 characters");
		assertMalformed(sign("app-secret-4f9a", "not json"), "the payload of signed_request is not JSON");
		assertMalformed(sign("app-secret-4f9a", "{\"algorithm\":\"HMAC-SHA1\",\"user_id\":\"1\"}"),
				"the payload's algorithm must be HMAC-SHA256, but was 'HMAC-SHA1'");
		assertMalformed(sign("app-secret-4f9a", "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1*\"}"),
				"the payload's user_id is missing or not an id (letters, digits, '_' or '-', at most 64)");
		assertMalformed(sign("app-secret-4f9a", "{\"algorithm\":\"HMAC-SHA256\"}"),
				"the payload's user_id is missing or not an id (letters, digits, '_' or '-', at most 64)");
	}

	private void assertMalformed(String signedRequest, String message) {
		assertThatExceptionOfType(InvalidSignedRequestException.class)
			.isThrownBy(() -> SignedRequest.verify(signedRequest, List.of(SECRET), this.json))
			.satisfies((ex) -> assertThat(ex.forged()).isFalse())
			.withMessage(message);
	}

	private static String sign(String secret, String payload) {
		return DataDeletionIT.signedRequest(secret, payload);
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
