package dev.dmbot.server.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccessPropertiesTest {

	@Test
	void blankAdminTokenMeansUnset() {
		assertThat(new AccessProperties("  ").adminToken()).isNull();
	}

	@Test
	void shortAdminTokenIsRefusedByLengthWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AccessProperties("hunter2"))
			.withMessageContaining("at least 16 characters long, but has 7")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void adminTokenNeverShowsInToString() {
		assertThat(new AccessProperties("k4Jq9-configured-admin-token"))
			.hasToString("AccessProperties[adminToken=set]");
	}

}
