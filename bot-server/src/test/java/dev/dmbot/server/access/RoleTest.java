package dev.dmbot.server.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoleTest {

	@Test
	void roleIsParsedInAnyLetterCase() {
		assertThat(Role.parse("ANALYST")).isEqualTo(Role.ANALYST);
		assertThat(Role.parse(" agent ")).isEqualTo(Role.AGENT);
	}

	@Test
	void unknownOrMissingRoleIsRefusedNamingTheAllowedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Role.parse("OWNER"))
			.withMessage("role must be one of ADMIN, ANALYST, AGENT, INTEGRATION, but was 'OWNER'");
		assertThatIllegalArgumentException().isThrownBy(() -> Role.parse(null))
			.withMessageContaining("ADMIN, ANALYST, AGENT, INTEGRATION");
	}

	@Test
	void authorityIsTheSpringSecurityRoleName() {
		assertThat(Role.ANALYST.authority()).isEqualTo("ROLE_ANALYST");
	}

}
