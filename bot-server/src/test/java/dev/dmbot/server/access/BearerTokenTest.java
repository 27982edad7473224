package dev.dmbot.server.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokenTest {

	@Test
	void noHeaderMeansNoToken() {
		assertThat(BearerToken.fromHeader(null)).isEmpty();
		assertThat(BearerToken.fromHeader("")).isEmpty();
	}

	@Test
	void tokenIsTakenFromTheBearerSchemeInAnyLetterCase() {
		assertThat(BearerToken.fromHeader("Bearer dmbot_Ab-9_x")).contains(new BearerToken("dmbot_Ab-9_x"));
		assertThat(BearerToken.fromHeader("bearer dmbot_Ab-9_x")).contains(new BearerToken("dmbot_Ab-9_x"));
		assertThat(BearerToken.fromHeader("BEARER  c2VjcmV0==")).contains(new BearerToken("c2VjcmV0=="));
	}

	@Test
	void otherSchemesAreRefusedWithoutRepeatingTheHeader() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> BearerToken.fromHeader("Basic YWRtaW46c2VjcmV0"))
			.withMessageContaining("Bearer <token>")
			.withMessageNotContaining("YWRtaW46c2VjcmV0");
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> BearerToken.fromHeader("Bearerdmbot_abc"));
	}

	@Test
	void emptyOrMalformedTokensAreRefusedWithoutRepeatingThem() {
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> BearerToken.fromHeader("Bearer "));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> BearerToken.fromHeader("Bearer two words"))
			.withMessageNotContaining("two");
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> BearerToken.fromHeader("Bearer =abc"));
	}

	@Test
	void theTokenNeverShowsInToString() {
		assertThat(new BearerToken("dmbot_secret")).hasToString("BearerToken[****]");
	}

}
