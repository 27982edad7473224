package dev.dmbot.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** A token goes out only as the Authorization header's value. */
class AccessTokenTest {

	@Test
	void theTokenLeavesOnlyAsABearerHeader() {
		AccessToken token = AccessToken.of("IGQWRsecret-1");

		assertThat(token.bearer()).isEqualTo("Bearer IGQWRsecret-1");
		assertThat(token).hasToString("AccessToken[redacted]").isEqualTo(AccessToken.of("IGQWRsecret-1"));
		assertThat(token).isNotEqualTo(AccessToken.of("IGQWRsecret-2"));
	}

	@Test
	void aBlankTokenIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> AccessToken.of("   "))
			.withMessage("an access token must not be blank");
	}

}
